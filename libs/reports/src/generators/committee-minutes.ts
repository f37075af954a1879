import { civilDateIn, DomainError, ErrorCode, notFound } from '@pilotis/shared';

import { REPORTS_SQL } from '../reports.sql';
import { parisDateTime, pdfEuros, PdfWriter } from './pdf';
import { FUNDING_KIND_LABELS } from './programming-workbook';
import { ReportViewer, visibleCommitteeSql } from './report-scope';
import { SqlRunner } from './sql-runner';

const COMMITTEE_KIND_LABELS: Record<string, string> = {
  COMITE_DES_FINANCEURS: 'Comité des financeurs',
  COMITE_DE_PILOTAGE: 'Comité de pilotage',
  COMITE_TECHNIQUE: 'Comité technique',
};

const DECISION_LABELS: Record<string, string> = {
  GRANT: 'Accordé',
  REFUSE: 'Refusé',
  ABSTAIN: 'Abstention',
  NO_VOTE: 'Pas de vote',
  CORRECTION: 'Correction',
};

export interface CommitteeForMinutes {
  id: string;
  title: string;
  kind: string;
  status: string;
  scheduled_at: Date;
  place: string;
  quorum: number;
  minutes: string[];
  closed_at: Date | null;
  contrat_title: string;
}

/** The committee as the viewer may see it, or NOT_FOUND; COMMITTEE_NOT_CLOSED unless it is CLOS. */
export async function closedCommittee(db: SqlRunner, viewer: ReportViewer, committeeId: string): Promise<CommitteeForMinutes> {
  const [committee] = await db.query<CommitteeForMinutes>(REPORTS_SQL.minutesCommittee(visibleCommitteeSql(viewer, '$3')), [
    viewer.tenantId,
    committeeId,
    viewer.organisationId,
  ]);
  if (!committee) throw notFound('Comité');
  if (committee.status !== 'CLOS') {
    throw new DomainError(
      ErrorCode.COMMITTEE_NOT_CLOSED,
      committee.status === 'CLOS_SANS_QUORUM'
        ? "Le comité a été clos sans quorum : aucune décision n'a été prise, il n'y a pas de procès-verbal à établir."
        : "Le comité n'est pas clos : le procès-verbal s'établit une fois le comité clos.",
    );
  }
  return committee;
}

/**
 * The procès-verbal of a closed committee: session, members (voting or not, and whether they voted),
 * quorum, each agenda item with each funder's decision and amount, and the totals per funder.
 */
export async function writeCommitteeMinutes(
  db: SqlRunner,
  viewer: ReportViewer,
  committeeId: string,
  out: NodeJS.WritableStream,
): Promise<{ date: string }> {
  const committee = await closedCommittee(db, viewer, committeeId);
  const t = [viewer.tenantId, committee.id];
  const members = await db.query<{ name: string; voting: boolean; voted: boolean }>(REPORTS_SQL.minutesMembers, t);
  const items = await db.query<{ id: string; position: number; reference: string; title: string; porteur: string; status: string }>(
    REPORTS_SQL.minutesAgenda,
    t,
  );
  const decisions = await db.query<{
    agenda_item_id: string;
    funder: string;
    funder_id: string;
    kind: string;
    line_kind: string;
    exercise_year: number;
    requested: string;
    amount: string;
    current: string | null;
  }>(REPORTS_SQL.minutesDecisions, t);
  const date = civilDateIn(committee.scheduled_at, 'Europe/Paris');
  const pdf = new PdfWriter(out, `Procès-verbal — ${committee.title}`);
  pdf.title('Procès-verbal');
  pdf.paragraph(committee.title, { bold: true });
  pdf.paragraph(`${COMMITTEE_KIND_LABELS[committee.kind] ?? committee.kind} — ${committee.contrat_title}`);
  pdf.paragraph(`Séance du ${parisDateTime(committee.scheduled_at)}${committee.place ? ` — ${committee.place}` : ''}`);
  if (committee.closed_at) pdf.paragraph(`Clos le ${parisDateTime(committee.closed_at)}`);

  pdf.heading('Membres présents');
  pdf.row([
    { text: 'Organisation', width: 260, bold: true },
    { text: 'Voix', width: 120, bold: true },
    { text: 'Vote', width: 115, bold: true },
  ]);
  for (const m of members) {
    pdf.row([
      { text: m.name, width: 260 },
      { text: m.voting ? 'délibérative' : 'consultative', width: 120 },
      { text: m.voted ? 'a voté' : "n'a pas voté", width: 115 },
    ]);
  }
  const votingMembers = members.filter((m) => m.voting).length;
  const voters = members.filter((m) => m.voting && m.voted).length;
  pdf.heading('Quorum');
  pdf.paragraph(
    `Quorum requis : ${committee.quorum} organisation(s) votante(s) ; ${voters} sur ${votingMembers} membre(s) à voix délibérative ont voté : quorum ${voters >= committee.quorum ? 'atteint' : 'non atteint'}.`,
  );

  pdf.heading('Ordre du jour et décisions');
  const byItem = new Map<string, typeof decisions>();
  for (const d of decisions) byItem.set(d.agenda_item_id, [...(byItem.get(d.agenda_item_id) ?? []), d]);
  for (const item of items) {
    pdf.paragraph(`${item.position}. ${item.reference} — ${item.title}`, { bold: true });
    pdf.paragraph(`Porteur : ${item.porteur}`, { indent: 12 });
    const lines = byItem.get(item.id) ?? [];
    if (lines.length === 0) {
      pdf.paragraph("Aucune décision : l'action avait quitté l'arbitrage à la clôture.", { indent: 12 });
      continue;
    }
    pdf.row(
      [
        { text: 'Financeur', width: 150, bold: true },
        { text: 'Nature', width: 110, bold: true },
        { text: 'Demandé', width: 80, bold: true, align: 'right' },
        { text: 'Décision', width: 70, bold: true },
        { text: 'Montant', width: 80, bold: true, align: 'right' },
      ],
      12,
    );
    for (const d of lines) {
      pdf.row(
        [
          { text: d.funder, width: 150 },
          { text: `${FUNDING_KIND_LABELS[d.line_kind] ?? d.line_kind} ${d.exercise_year}`, width: 110 },
          { text: pdfEuros(d.requested), width: 80, align: 'right' },
          { text: DECISION_LABELS[d.kind] ?? d.kind, width: 70 },
          { text: pdfEuros(d.amount), width: 80, align: 'right' },
        ],
        12,
      );
      if (d.current !== null && d.current !== d.amount) {
        pdf.paragraph(`Décision corrigée depuis la séance : montant en vigueur ${pdfEuros(d.current)}.`, { indent: 24 });
      }
    }
  }

  pdf.heading('Totaux par financeur');
  pdf.row([
    { text: 'Financeur', width: 240, bold: true },
    { text: 'Demandé', width: 125, bold: true, align: 'right' },
    { text: 'Accordé', width: 125, bold: true, align: 'right' },
  ]);
  const totals = new Map<string, { name: string; requested: bigint; granted: bigint }>();
  for (const d of decisions) {
    const total = totals.get(d.funder_id) ?? { name: d.funder, requested: 0n, granted: 0n };
    total.requested += BigInt(d.requested);
    total.granted += BigInt(d.amount);
    totals.set(d.funder_id, total);
  }
  let requested = 0n;
  let granted = 0n;
  for (const total of totals.values()) {
    pdf.row([
      { text: total.name, width: 240 },
      { text: pdfEuros(total.requested), width: 125, align: 'right' },
      { text: pdfEuros(total.granted), width: 125, align: 'right' },
    ]);
    requested += total.requested;
    granted += total.granted;
  }
  pdf.row([
    { text: 'Total', width: 240, bold: true },
    { text: pdfEuros(requested), width: 125, align: 'right', bold: true },
    { text: pdfEuros(granted), width: 125, align: 'right', bold: true },
  ]);
  if (committee.minutes.length > 0) {
    pdf.heading('Relevé de décisions');
    for (const line of committee.minutes) pdf.paragraph(`• ${line}`);
  }
  await pdf.end();
  return { date };
}
