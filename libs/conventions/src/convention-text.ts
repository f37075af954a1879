import { createHash } from 'node:crypto';

import { de, formatCivilDate, formatEuros, formatQuantity } from '@pilotis/shared';

/** The law every convention of the politique de la ville implements, cited in every version. */
export const LOI_VILLE = 'loi n° 2014-173 du 21 février 2014 de programmation pour la ville et la cohésion urbaine';

/** What a convention's text says. Everything comes from the database; nothing from the clock. */
export interface ConventionTextData {
  versionNumber: number;
  /** The avenant's reason; null for the first version. */
  reason: string | null;
  /** The EPCI (the tenant) by its name: the text names it, never by its SIREN. */
  territoryName: string;
  /** The contrat de ville the action implements: its title and the years it covers. */
  contrat: { title: string; startYear: number; endYear: number };
  action: { reference: string; title: string; startDate: string; endDate: string; totalBudgetCents: bigint };
  /** The action's pillar and operational objective (null when the action names none). */
  pillar: { title: string } | null;
  objective: { code: string; title: string } | null;
  /**
   * The action's indicators in order; the target as PostgreSQL's numeric text ("62.50"), read exactly.
   * Absent in the data of versions drafted before indicators existed (their stored text says nothing of
   * them); an empty list: the text says that none was set.
   */
  indicators?: readonly ConventionIndicator[];
  porteur: { id: string; name: string };
  funders: readonly FunderCommitment[];
  /** A date for the bilan set by the convention itself (AAAA-MM-JJ); null: the usual six months. */
  bilanDueDate?: string | null;
}

/** An indicator of the action's objectives, as article 2 prints it. */
export interface ConventionIndicator {
  label: string;
  target: string | number;
  unit: string;
}

/** One instalment after the advance: a share of the amount, paid on a date or once a condition is met. */
export interface PaymentTranche {
  percent: number;
  /** What triggers the payment, in words (« à la remise du bilan intermédiaire »); null when a date does. */
  condition: string | null;
  /** AAAA-MM-JJ; null when a condition does. */
  dueDate: string | null;
}

/** A funder's payment schedule: the advance, the tranches, and the balance after its bilan. */
export interface PaymentSchedule {
  advancePercent: number;
  tranches: PaymentTranche[];
  /** The funder's own deadline for the bilan (AAAA-MM-JJ); null: the convention's clause. */
  bilanDueDate: string | null;
}

export interface FunderCommitment extends PaymentSchedule {
  organisationId: string;
  name: string;
  amountCents: bigint;
}

/** The schedule a funder gets until the chef de projet sets another: half at signature, half after the bilan. */
export const DEFAULT_SCHEDULE: PaymentSchedule = { advancePercent: 50, tranches: [], bilanDueDate: null };

/** The advance paid at signature (rounded down to the cent) and the balance paid after the bilan. */
export function splitPayment(amountCents: bigint, advancePercent: number): { advanceCents: bigint; balanceCents: bigint } {
  if (!Number.isInteger(advancePercent) || advancePercent < 0 || advancePercent > 100) {
    throw new Error(`advance percent out of range: ${advancePercent}`);
  }
  const advanceCents = (amountCents * BigInt(advancePercent)) / 100n;
  return { advanceCents, balanceCents: amountCents - advanceCents };
}

/** The share left for the balance after the advance and the tranches (negative: the schedule is invalid). */
export function balancePercent(schedule: Pick<PaymentSchedule, 'advancePercent' | 'tranches'>): number {
  return 100 - schedule.advancePercent - schedule.tranches.reduce((sum, t) => sum + t.percent, 0);
}

/**
 * The amounts of a schedule: the advance and each tranche rounded down to the cent, the balance takes what
 * is left, so that the parts always add up to the amount exactly.
 */
export function schedulePayments(
  amountCents: bigint,
  schedule: Pick<PaymentSchedule, 'advancePercent' | 'tranches'>,
): { advanceCents: bigint; trancheCents: bigint[]; balanceCents: bigint } {
  const balance = balancePercent(schedule);
  if (balance < 0 || schedule.tranches.some((t) => !Number.isInteger(t.percent) || t.percent <= 0)) {
    throw new Error(`invalid schedule: ${JSON.stringify(schedule)}`);
  }
  const { advanceCents } = splitPayment(amountCents, schedule.advancePercent);
  const trancheCents = schedule.tranches.map((t) => (amountCents * BigInt(t.percent)) / 100n);
  const balanceCents = amountCents - advanceCents - trancheCents.reduce((sum, c) => sum + c, 0n);
  return { advanceCents, trancheCents, balanceCents };
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

/** « 4 janvier 2027 », « 1er juin 2027 » (a civil date, never shifted by a time zone). */
const day = (date: string): string => formatCivilDate(date).replace(/^1 /, '1er ');

/** The words of one funder's schedule: « 30 % à la signature, soit … ; 20 % le 1er juin 2027, soit … ; solde … ». */
function scheduleClause(f: FunderCommitment, conventionBilan: string | null | undefined): string[] {
  const { advanceCents, trancheCents, balanceCents } = schedulePayments(f.amountCents, f);
  const bilan = f.bilanDueDate ?? conventionBilan ?? null;
  const parts: string[] = [];
  if (f.advancePercent > 0) parts.push(`avance de ${f.advancePercent} % à la signature, soit ${formatEuros(advanceCents)}`);
  f.tranches.forEach((t, i) => {
    const when = [t.dueDate ? `le ${day(t.dueDate)}` : null, t.condition ? clean(t.condition) : null].filter(Boolean).join(', ');
    parts.push(`tranche ${i + 1} de ${t.percent} % ${when}, soit ${formatEuros(trancheCents[i])}`);
  });
  const balance = balancePercent(f);
  if (balance > 0) {
    parts.push(
      `solde de ${balance} %, soit ${formatEuros(balanceCents)}, après réception du bilan${bilan ? ` (à remettre au plus tard le ${day(bilan)})` : ''}`,
    );
  }
  return [`- ${clean(f.name)} (${formatEuros(f.amountCents)}) : ${parts.join(' ; ')}.`];
}

/**
 * « Indicateurs de suivi : » and one line per indicator, « - Jeunes accompagnés : 40 personnes », a list
 * item like the parties and the funders (the document draws "- " lines as items); or the sentence for none.
 */
function indicatorLines(indicators: readonly ConventionIndicator[]): string[] {
  if (indicators.length === 0) return ["Aucun indicateur de suivi n'a été fixé pour cette action."];
  return [
    'Indicateurs de suivi :',
    ...indicators.map((i) => `- ${clean(i.label)} : ${[formatQuantity(i.target), clean(i.unit)].filter((x) => x).join(' ')}`),
  ];
}

/**
 * The canonical French text of a convention version. Pure and deterministic: the same data always gives
 * the same text, hence the same hash; that hash is what signatories sign. Names, never SIRENs; civil dates
 * in words; each funder's own schedule.
 */
export function renderConventionText(data: ConventionTextData): string {
  const funders = orderFunders(data.funders);
  const total = funders.reduce((sum, f) => sum + f.amountCents, 0n);
  const territory = clean(data.territoryName);
  const contrat = `contrat de ville « ${clean(data.contrat.title)} » (${data.contrat.startYear}-${data.contrat.endYear})`;
  const lines: string[] = [
    'CONVENTION DE FINANCEMENT',
    `Contrat de ville ${de(territory)}`,
    `Version ${data.versionNumber}${data.versionNumber > 1 ? ` (avenant n° ${data.versionNumber - 1})` : ''}`,
  ];
  if (data.reason) lines.push(`Motif de l'avenant : ${clean(data.reason)}`);
  lines.push(
    '',
    'Visas',
    `Vu la ${LOI_VILLE} ;`,
    `Vu le ${contrat} ${de(territory)} ;`,
    'Vu la programmation arrêtée par le comité des financeurs ;',
    '',
    'Entre les signataires :',
    `- ${clean(data.porteur.name)}, porteur de l'action ;`,
    ...funders.filter((f) => f.organisationId !== data.porteur.id).map((f) => `- ${clean(f.name)}, financeur ;`),
    `réunis au titre du ${contrat}, il est convenu ce qui suit.`,
    '',
    'Article 1 – Objet',
    `La présente convention fixe le financement de l'action ${data.action.reference} « ${clean(data.action.title)} »,`,
    `portée par ${clean(data.porteur.name)}, du ${day(data.action.startDate)} au ${day(data.action.endDate)},`,
    `pour un budget total de ${formatEuros(data.action.totalBudgetCents)}.`,
    '',
    'Article 2 – Objectifs',
  );
  if (data.pillar) lines.push(`L'action relève du pilier « ${clean(data.pillar.title)} » du contrat de ville.`);
  lines.push(
    data.objective
      ? `Elle poursuit l'objectif opérationnel ${data.objective.code} « ${clean(data.objective.title)} ».`
      : 'Elle ne se rattache à aucun objectif opérationnel particulier du contrat de ville.',
  );
  if (data.indicators) lines.push(...indicatorLines(data.indicators));
  lines.push('', 'Article 3 – Engagements des financeurs');
  for (const f of funders) lines.push(`- ${clean(f.name)} : ${formatEuros(f.amountCents)}`);
  lines.push(`Total des financements accordés : ${formatEuros(total)}.`, '', 'Article 4 – Modalités de versement');
  for (const f of funders) lines.push(...scheduleClause(f, data.bilanDueDate));
  lines.push(
    '',
    'Article 5 – Bilan',
    data.bilanDueDate
      ? `Le porteur transmet à chaque financeur le bilan qualitatif et le compte rendu financier de l'action au plus tard le ${day(data.bilanDueDate)}.`
      : "Le porteur transmet à chaque financeur le bilan qualitatif et le compte rendu financier de l'action dans les six mois suivant la fin de l'exercice.",
    '',
    'Article 6 – Signataires',
    `- ${clean(data.porteur.name)} (porteur)`,
    ...funders.filter((f) => f.organisationId !== data.porteur.id).map((f) => `- ${clean(f.name)} (financeur)`),
    '',
  );
  return lines.join('\n');
}

/** SHA-256 of the UTF-8 text, lower-case hex. */
export function conventionHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
