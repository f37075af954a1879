import { createHash } from 'node:crypto';

import { formatCivilDate, formatEuros } from '@pilotis/shared';

/** What a convention's text says. Everything comes from the database; nothing from the clock. */
export interface ConventionTextData {
  versionNumber: number;
  /** The avenant's reason; null for the first version. */
  reason: string | null;
  territorySiren: string;
  action: { reference: string; title: string; startDate: string; endDate: string; totalBudgetCents: bigint };
  porteur: { id: string; name: string };
  funders: readonly FunderCommitment[];
  /** A date for the bilan set by the convention itself (AAAA-MM-JJ); null: the usual six months. */
  bilanDueDate?: string | null;
}

export interface FunderCommitment {
  organisationId: string;
  name: string;
  amountCents: bigint;
  advancePercent: number;
}

/** The advance paid at signature (rounded down to the cent) and the balance paid after the bilan. */
export function splitPayment(amountCents: bigint, advancePercent: number): { advanceCents: bigint; balanceCents: bigint } {
  if (!Number.isInteger(advancePercent) || advancePercent < 0 || advancePercent > 100) {
    throw new Error(`advance percent out of range: ${advancePercent}`);
  }
  const advanceCents = (amountCents * BigInt(advancePercent)) / 100n;
  return { advanceCents, balanceCents: amountCents - advanceCents };
}

/** Funders in a fixed order: by name, then id (two homonyms never swap places between renderings). */
export function orderFunders<T extends { name: string; organisationId: string }>(funders: readonly T[]): T[] {
  return [...funders].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0,
  );
}

/** Line breaks normalised and trailing spaces removed, so that a stray "\r" never changes a hash. */
const clean = (s: string): string =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();

/**
 * The canonical French text of a convention version. Pure and deterministic: the same data always gives
 * the same text, hence the same hash; that hash is what signatories sign.
 */
export function renderConventionText(data: ConventionTextData): string {
  const funders = orderFunders(data.funders);
  const total = funders.reduce((sum, f) => sum + f.amountCents, 0n);
  const lines: string[] = [
    'CONVENTION DE FINANCEMENT',
    `Contrat de ville – territoire SIREN ${data.territorySiren}`,
    `Version ${data.versionNumber}${data.versionNumber > 1 ? ` (avenant n° ${data.versionNumber - 1})` : ''}`,
  ];
  if (data.reason) lines.push(`Motif de l'avenant : ${clean(data.reason)}`);
  lines.push(
    '',
    'Article 1 – Objet',
    `La présente convention fixe le financement de l'action ${data.action.reference} « ${clean(data.action.title)} »,`,
    `portée par ${clean(data.porteur.name)}, du ${data.action.startDate} au ${data.action.endDate},`,
    `pour un budget total de ${formatEuros(data.action.totalBudgetCents)}.`,
    '',
    'Article 2 – Engagements des financeurs',
  );
  for (const f of funders) lines.push(`- ${clean(f.name)} : ${formatEuros(f.amountCents)}`);
  lines.push(`Total des financements accordés : ${formatEuros(total)}.`, '', 'Article 3 – Modalités de versement');
  for (const f of funders) {
    const { advanceCents, balanceCents } = splitPayment(f.amountCents, f.advancePercent);
    lines.push(
      `- ${clean(f.name)} : avance de ${f.advancePercent} % à la signature, soit ${formatEuros(advanceCents)} ; ` +
        `solde de ${formatEuros(balanceCents)} après réception du bilan.`,
    );
  }
  lines.push(
    '',
    'Article 4 – Bilan',
    data.bilanDueDate
      ? `Le porteur transmet à chaque financeur le bilan qualitatif et le compte rendu financier de l'action au plus tard le ${formatCivilDate(data.bilanDueDate)}.`
      : "Le porteur transmet à chaque financeur le bilan qualitatif et le compte rendu financier de l'action dans les six mois suivant la fin de l'exercice.",
    '',
    'Article 5 – Signataires',
    `- ${clean(data.porteur.name)} (porteur)`,
    ...funders.map((f) => `- ${clean(f.name)} (financeur)`),
    '',
  );
  return lines.join('\n');
}

/** SHA-256 of the UTF-8 text, lower-case hex. */
export function conventionHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
