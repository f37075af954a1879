import { ACTION_STATUS_LABELS, ActionStatus } from '@pilotis/actions';
import { balancePercent, type PaymentTranche, schedulePayments } from '@pilotis/conventions';
import { de, formatCivilDate, invalidField, notFound } from '@pilotis/shared';

import { REPORTS_SQL } from '../reports.sql';
import { parisDateTime, pdfEuros, PdfWriter } from './pdf';
import { FUNDING_KIND_LABELS } from './programming-workbook';
import { ReportViewer, visibleActionSql } from './report-scope';
import { SqlRunner } from './sql-runner';

const CONVENTION_STATUS_LABELS: Record<string, string> = {
  BROUILLON: 'brouillon',
  EN_SIGNATURE: 'en signature',
  SIGNEE: 'signée',
  ANNULEE: 'annulée',
};

export interface SummaryAction {
  id: string;
  reference: string;
  title: string;
  status: ActionStatus;
  start_date: string;
  end_date: string;
  total_budget_cents: string;
  pillar: string;
  porteur: string;
  porteur_siret: string | null;
  qpvs: string | null;
}

/** The action as the viewer may see it, and the funder, which must have a line on it. */
export async function summaryTarget(
  db: SqlRunner,
  viewer: ReportViewer,
  actionId: string,
  funderId: string,
): Promise<{ action: SummaryAction; funder: string }> {
  const [action] = await db.query<SummaryAction>(REPORTS_SQL.summaryAction(visibleActionSql(viewer, '$3')), [
    viewer.tenantId,
    actionId,
    viewer.organisationId,
  ]);
  if (!action) throw notFound('Action');
  const [funder] = await db.query<{ name: string }>(REPORTS_SQL.summaryFunder, [viewer.tenantId, funderId, action.id]);
  if (!funder)
    throw invalidField('funderId', 'notAFunder', "cette organisation ne finance pas l'action (aucune ligne dans son plan de financement)");
  return { action, funder: funder.name };
}

/**
 * The financial summary of one action for one funder, in the spirit of the compte rendu financier
 * (CERFA 15059): the action and its porteur, its budget, the funder's lines (requested and decided) and,
 * when a convention binds them, the funder's schedule (advance at signature, balance after the bilan).
 */
export async function writeFinancialSummary(
  db: SqlRunner,
  viewer: ReportViewer,
  params: { actionId: string; funderId: string },
  out: NodeJS.WritableStream,
  now: Date,
): Promise<{ reference: string; funder: string }> {
  const { action, funder } = await summaryTarget(db, viewer, params.actionId, params.funderId);
  const lines = await db.query<{
    kind: string;
    exercise_year: number;
    requested: string;
    decided: string | null;
    in_kind: boolean;
    pledge: boolean;
  }>(REPORTS_SQL.summaryLines, [viewer.tenantId, action.id, params.funderId]);
  const [schedule] = await db.query<{
    status: string;
    number: number;
    amount_cents: string;
    advance_percent: number;
    tranches: PaymentTranche[];
    signed: boolean;
  }>(REPORTS_SQL.summarySchedule, [viewer.tenantId, action.id, params.funderId]);

  const pdf = new PdfWriter(out, `Compte rendu financier — ${action.reference}`);
  pdf.title('Compte rendu financier');
  pdf.paragraph("Synthèse financière de l'action pour un financeur, dans l'esprit du compte rendu financier (CERFA n° 15059).");
  pdf.heading("L'action");
  pdf.paragraph(`${action.reference} — ${action.title}`, { bold: true });
  pdf.paragraph(`Pilier : ${action.pillar}`);
  if (action.qpvs) pdf.paragraph(`Quartiers : ${action.qpvs}`);
  pdf.paragraph(`Période : du ${formatCivilDate(action.start_date)} au ${formatCivilDate(action.end_date)}`);
  pdf.paragraph(`Statut : ${ACTION_STATUS_LABELS[action.status] ?? action.status}`);
  pdf.heading('Le porteur');
  pdf.paragraph(action.porteur, { bold: true });
  if (action.porteur_siret) pdf.paragraph(`SIRET : ${action.porteur_siret}`);
  pdf.heading('Le budget');
  pdf.paragraph(`Budget total de l'action : ${pdfEuros(action.total_budget_cents)}`);

  pdf.heading(`Financement ${de(funder)}`);
  pdf.row([
    { text: 'Nature', weight: 150, min: 40, bold: true },
    { text: 'Exercice', weight: 60, min: 40, bold: true },
    { text: 'Demandé', weight: 100, min: 40, bold: true, align: 'right' },
    { text: 'Décidé', weight: 100, min: 40, bold: true, align: 'right' },
    { text: 'Remarque', weight: 85, min: 40, bold: true },
  ]);
  let requested = 0n;
  let decided = 0n;
  for (const l of lines) {
    requested += BigInt(l.requested);
    decided += BigInt(l.decided ?? '0');
    pdf.row([
      { text: FUNDING_KIND_LABELS[l.kind] ?? l.kind, weight: 150, min: 40 },
      { text: String(l.exercise_year), weight: 60, min: 40 },
      { text: pdfEuros(l.requested), weight: 100, min: 40, align: 'right' },
      { text: l.decided === null ? 'non décidé' : pdfEuros(l.decided), weight: 100, min: 40, align: 'right' },
      { text: [l.in_kind ? 'en nature' : '', l.pledge ? 'promesse' : ''].filter(Boolean).join(', '), weight: 85, min: 40 },
    ]);
  }
  pdf.row([
    { text: 'Total', weight: 150, min: 40, bold: true },
    { text: '', weight: 60, min: 40 },
    { text: pdfEuros(requested), weight: 100, min: 40, align: 'right', bold: true },
    { text: pdfEuros(decided), weight: 100, min: 40, align: 'right', bold: true },
    { text: '', weight: 85, min: 40 },
  ]);
  const budget = BigInt(action.total_budget_cents);
  if (budget > 0n) {
    pdf.paragraph(`Part décidée dans le budget total : ${(Number((decided * 10000n) / budget) / 100).toFixed(2).replace('.', ',')}\u00a0%`);
  }

  pdf.heading('Convention et échéancier');
  if (!schedule) {
    pdf.paragraph('Aucune convention ne lie encore ce financeur pour cette action.');
  } else {
    const plan = { advancePercent: schedule.advance_percent, tranches: schedule.tranches };
    const { advanceCents, trancheCents, balanceCents } = schedulePayments(BigInt(schedule.amount_cents), plan);
    pdf.paragraph(
      `Convention ${CONVENTION_STATUS_LABELS[schedule.status] ?? schedule.status}, version ${schedule.number}${schedule.signed ? ', signée par le financeur' : ', pas encore signée par le financeur'}.`,
    );
    pdf.paragraph(`Montant conventionné : ${pdfEuros(schedule.amount_cents)}`);
    pdf.paragraph(`Avance à la signature (${schedule.advance_percent}\u00a0%) : ${pdfEuros(advanceCents)}`);
    schedule.tranches.forEach((t, i) =>
      pdf.paragraph(
        `Tranche ${i + 1} (${t.percent}\u00a0%${t.dueDate ? `, le ${formatCivilDate(t.dueDate)}` : ''}${t.condition ? `, ${t.condition}` : ''}) : ${pdfEuros(trancheCents[i])}`,
      ),
    );
    pdf.paragraph(`Solde après le bilan (${balancePercent(plan)}\u00a0%) : ${pdfEuros(balanceCents)}`);
  }
  await writeFiledBilan(db, pdf, viewer.tenantId, action.id, params.funderId);
  pdf.doc.moveDown(2);
  pdf.paragraph(`Document établi par Pilotis le ${parisDateTime(now)}.`);
  await pdf.end();
  return { reference: action.reference, funder };
}

const BILAN_STATUS_LABELS: Record<string, string> = { SUBMITTED: 'déposé, en attente de relecture', ACCEPTED: 'accepté' };

/**
 * What the porteur filed online, when it did (issue 16): the compte rendu financier is then printed from
 * its bilan — the budget realised against the budget prévisionnel with the gaps explained, this funder's
 * shares realised, the indicators' values and the qualitative text — rather than from the plan alone.
 */
async function writeFiledBilan(db: SqlRunner, pdf: PdfWriter, tenantId: string, actionId: string, funderId: string): Promise<void> {
  const [bilan] = await db.query<{ id: string; exercise_year: number; status: string; qualitative: string }>(REPORTS_SQL.summaryBilan, [
    tenantId,
    actionId,
  ]);
  pdf.heading('Bilan déposé par le porteur');
  if (!bilan) {
    pdf.paragraph("Le porteur n'a pas encore déposé de bilan en ligne pour cette action.");
    return;
  }
  pdf.paragraph(`Exercice ${bilan.exercise_year}, bilan ${BILAN_STATUS_LABELS[bilan.status] ?? bilan.status}.`, { bold: true });
  type Amount = { planned: string | null; realised: string; explanation: string };
  const amountRow = (label: string, l: Amount) =>
    pdf.row([
      { text: label, weight: 170, min: 40 },
      { text: pdfEuros(l.planned ?? '0'), weight: 90, min: 40, align: 'right' },
      { text: pdfEuros(l.realised), weight: 90, min: 40, align: 'right' },
      { text: l.explanation, weight: 145, min: 40 },
    ]);
  const header = (first: string) =>
    pdf.row([
      { text: first, weight: 170, min: 40, bold: true },
      { text: 'Prévu', weight: 90, min: 40, bold: true, align: 'right' },
      { text: 'Réalisé', weight: 90, min: 40, bold: true, align: 'right' },
      { text: "Explication de l'écart", weight: 145, min: 40, bold: true },
    ]);
  const budget = await db.query<Amount & { side: string; account: string; label: string }>(REPORTS_SQL.summaryBilanBudget, [
    tenantId,
    bilan.id,
  ]);
  if (budget.length > 0) {
    header('Budget (compte)');
    for (const l of budget) amountRow(`${l.side === 'CHARGE' ? 'Charge' : 'Produit'} ${l.account} ${l.label}`.trim(), l);
  }
  const shares = await db.query<Amount & { kind: string }>(REPORTS_SQL.summaryBilanShares, [tenantId, bilan.id, funderId]);
  if (shares.length > 0) {
    header('Part du financeur');
    for (const l of shares) amountRow(FUNDING_KIND_LABELS[l.kind] ?? l.kind, l);
  }
  const indicators = await db.query<{ label: string; unit: string; target: string; value: string }>(REPORTS_SQL.summaryBilanIndicators, [
    tenantId,
    bilan.id,
  ]);
  for (const i of indicators) {
    const n = (v: string) => Number(v).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
    pdf.paragraph(`${i.label} : ${n(i.value)}${i.unit ? ` ${i.unit}` : ''} (cible ${n(i.target)})`);
  }
  if (bilan.qualitative) pdf.paragraph(bilan.qualitative);
}
