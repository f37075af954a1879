import { type ConventionDocument, type DocumentSignature } from '@pilotis/conventions';
import { de, dePerson } from '@pilotis/shared';

import { parisDateTime, PdfWriter } from './pdf';

/**
 * What a signature page says of one signature beyond who signed and when: a person of the organisation
 * signs for the organisation of their membership (nothing more to say); a signature recorded « pour le
 * compte de » an organisation without an account, on its mandate, names the paper's signer and quality,
 * the mandate's author and who recorded it.
 */
export interface SignatureMention {
  onBehalfOf: { organisationName: string; signerQuality: string; mandatorName: string; recordedByName: string } | null;
}

/**
 * « pour le compte d'Archipel Habitat, en qualité de directrice générale, sur mandat de Mme Claire Martin,
 * directrice ; enregistré par <user> », which follows « Signé par <signer> … », or nothing.
 */
export function signatureMentionText(mention: SignatureMention): string | null {
  const m = mention.onBehalfOf;
  if (!m) return null;
  return `pour le compte ${de(m.organisationName)}, en qualité de ${m.signerQuality}, sur mandat ${dePerson(m.mandatorName)} ; enregistré par ${m.recordedByName}`;
}

const mentionOf = (signature: DocumentSignature): SignatureMention => ({
  onBehalfOf: signature.onBehalf
    ? {
        organisationName: signature.organisationName,
        signerQuality: signature.onBehalf.signerQuality,
        mandatorName: signature.onBehalf.mandateAuthor,
        recordedByName: signature.onBehalf.recordedByName,
      }
    : null,
});

/** How a line of the canonical text is drawn: its words are never changed, only their weight and indent. */
function lineStyle(line: string, index: number): 'title' | 'heading' | 'item' | 'blank' | 'plain' {
  if (index === 0) return 'title';
  if (line.trim() === '') return 'blank';
  if (/^Article \d+ – /.test(line) || line === 'Visas' || line === 'Entre les signataires :') return 'heading';
  if (line.startsWith('- ')) return 'item';
  return 'plain';
}

const ROLE_LABELS: Record<string, string> = { PORTEUR: 'porteur', FINANCEUR: 'financeur' };

/**
 * The convention's document, from one stored version: its canonical text line by line (exactly the text
 * whose SHA-256 the signatories signed, the hash printed under the title and at the foot of every page),
 * then who signed it and when, and a last page listing every signature with the hash it signed.
 */
export async function writeConventionDocument(document: ConventionDocument, out: NodeJS.WritableStream): Promise<void> {
  const { version } = document;
  const pdf = new PdfWriter(out, `Convention ${document.actionReference} — version ${version.number}`);
  pdf.setFooter(
    (page, pages) =>
      `Convention ${document.actionReference}, version ${version.number} — empreinte SHA-256 ${version.hash} — page ${page} sur ${pages}`,
  );
  const lines = version.text.split('\n');
  lines.forEach((line, i) => {
    switch (lineStyle(line, i)) {
      case 'title':
        pdf.title(line);
        pdf.paragraph(`Empreinte SHA-256 du texte signé : ${version.hash}`, { size: 8, font: 'Courier', align: 'center' });
        pdf.space(0.5);
        break;
      case 'heading':
        pdf.heading(line);
        break;
      case 'item':
        pdf.paragraph(line, { indent: 12 });
        break;
      case 'blank':
        pdf.space(0.3);
        break;
      default:
        pdf.paragraph(line);
    }
  });

  pdf.heading('Signatures');
  const signatureOf = new Map(document.signatures.map((s) => [s.organisationId, s]));
  for (const signatory of document.signatories) {
    const signature = signatureOf.get(signatory.organisationId);
    pdf.paragraph(`${signatory.organisationName} (${ROLE_LABELS[signatory.role] ?? signatory.role})`, { bold: true });
    const mention = signature ? signatureMentionText(mentionOf(signature)) : null;
    pdf.paragraph(
      signature
        ? `Signé par ${signature.signerName} le ${parisDateTime(signature.signedAt)}${mention ? `, ${mention}` : ''}.`
        : 'Non signé à ce jour.',
      { indent: 12 },
    );
  }

  pdf.page();
  pdf.heading('Liste des signatures');
  pdf.paragraph(`Version ${version.number} de la convention ${document.actionReference} — empreinte SHA-256 du texte : ${version.hash}`, {
    size: 9,
  });
  pdf.paragraph(`${document.signatures.length} signature(s) sur ${document.signatories.length} signataire(s).`, { size: 9 });
  document.signatures.forEach((signature, i) => {
    pdf.ensure(70);
    pdf.space(0.5);
    pdf.paragraph(`${i + 1}. ${signature.organisationName}`, { bold: true });
    const mention = signatureMentionText(mentionOf(signature));
    pdf.paragraph(`Signataire : ${signature.signerName}${mention ? `, ${mention}` : ''}`, { indent: 12 });
    pdf.paragraph(`Date : ${parisDateTime(signature.signedAt)}`, { indent: 12 });
    pdf.paragraph(`Empreinte signée : ${signature.hash}`, { indent: 12, font: 'Courier', size: 8 });
    if (signature.hash !== version.hash) pdf.paragraph("Attention : cette empreinte n'est pas celle du texte ci-dessus.", { indent: 12 });
  });
  if (document.signatures.length === 0) pdf.paragraph('Aucune signature recueillie sur cette version.');
  await pdf.end();
}
