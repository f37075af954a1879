import { type ConventionDocument } from '@pilotis/conventions';
import { de, dePerson } from '@pilotis/shared';

import { parisDateTime, PdfWriter } from './pdf';

/**
 * What a signature page says of one signature beyond who signed and when. Today nothing: a person signs
 * for the organisation of their membership. A signature given on behalf of another organisation under a
 * mandate will fill `onBehalfOf`, and its line reads « pour le compte de <organisation> (mandat de <person>) ».
 */
export interface SignatureMention {
  onBehalfOf: { organisationName: string; mandatorName: string } | null;
}

/** « pour le compte de <organisation> (mandat de <person>) », or nothing. */
export function signatureMentionText(mention: SignatureMention): string | null {
  if (!mention.onBehalfOf) return null;
  return `pour le compte ${de(mention.onBehalfOf.organisationName)} (mandat ${dePerson(mention.onBehalfOf.mandatorName)})`;
}

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
    pdf.paragraph(signature ? `Signé par ${signature.signerName} le ${parisDateTime(signature.signedAt)}.` : 'Non signé à ce jour.', {
      indent: 12,
    });
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
    const mention = signatureMentionText({ onBehalfOf: null });
    pdf.paragraph(`Signataire : ${signature.signerName}${mention ? `, ${mention}` : ''}`, { indent: 12 });
    pdf.paragraph(`Date : ${parisDateTime(signature.signedAt)}`, { indent: 12 });
    pdf.paragraph(`Empreinte signée : ${signature.hash}`, { indent: 12, font: 'Courier', size: 8 });
    if (signature.hash !== version.hash) pdf.paragraph("Attention : cette empreinte n'est pas celle du texte ci-dessus.", { indent: 12 });
  });
  if (document.signatures.length === 0) pdf.paragraph('Aucune signature recueillie sur cette version.');
  await pdf.end();
}
