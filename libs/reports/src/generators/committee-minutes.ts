import { Role } from '@pilotis/access';
import { civilDateIn, de, dePerson, DomainError, ErrorCode, notFound } from '@pilotis/shared';

import { REPORTS_SQL } from '../reports.sql';
import { Cell, parisDateTime, pdfEuros, PdfWriter } from './pdf';
import { seanceInstant } from './pdf-layout';
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
  opened_at: Date | null;
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

const ATTENDANCE_LABELS: Record<string, string> = {
  PRESENT: 'présente',
  REPRESENTE: 'représentée',
  EXCUSE: 'excusée',
};

const AVIS_LABELS: Record<string, string> = {
  FAVORABLE: 'favorable',
  RESERVE: 'réservé',
  DEFAVORABLE: 'défavorable',
};

/** A member's attendance in words: as recorded at the séance, never guessed from its votes. */
export function attendanceText(status: string | null, representative: string | null): string {
  if (status === 'REPRESENTE') return `représentée par ${representative ?? '?'}`;
  return status ? (ATTENDANCE_LABELS[status] ?? status) : 'non renseignée';
}

/** « Vote enregistré pour le compte d'Archipel Habitat par <user> sur mandat de <author> ». */
export function onBehalfMention(organisation: string, recordedBy: string | null, mandateAuthor: string | null): string {
  return `Vote enregistré pour le compte ${de(organisation)} par ${recordedBy ?? '?'} sur mandat ${dePerson(mandateAuthor ?? '?')}.`;
}

/**
 * The procès-verbal of a closed committee: the séance (its date before its close), the members with their
 * attendance as recorded, the quorum, each agenda item with its avis d'instruction, each funder's decision
 * and amount with the comment given with its vote, the totals per funder, and the chair's signature block.
 */
export async function writeCommitteeMinutes(
  db: SqlRunner,
  viewer: ReportViewer,
  committeeId: string,
  out: NodeJS.WritableStream,
): Promise<{ date: string }> {
  const committee = await closedCommittee(db, viewer, committeeId);
  const t = [viewer.tenantId, committee.id];
  const members = await db.query<{
    name: string;
    voting: boolean;
    voted: boolean;
    attendance: string | null;
    representative_name: string | null;
  }>(REPORTS_SQL.minutesMembers, t);
  const items = await db.query<{ id: string; position: number; reference: string; title: string; porteur: string; status: string }>(
    REPORTS_SQL.minutesAgenda,
    t,
  );
  const decisions = await db.query<{
    agenda_item_id: string;
    funding_line_id: string;
    funder: string;
    funder_id: string;
    kind: string;
    line_kind: string;
    exercise_year: number;
    requested: string;
    amount: string;
    current: string | null;
  }>(REPORTS_SQL.minutesDecisions, t);
  // The instruction is internal to the EPCI and the funders: a porteur's representative does not read it.
  const avis =
    viewer.role === Role.PORTEUR_REPRESENTATIVE
      ? []
      : await db.query<{ agenda_item_id: string; opinion: string; comment: string; author: string }>(REPORTS_SQL.minutesAvis, t);
  const notes = await db.query<{
    funding_line_id: string;
    organisation_id: string;
    comment: string;
    on_behalf: boolean;
    mandate_author: string | null;
    recorded_by: string | null;
  }>(REPORTS_SQL.minutesVoteNotes, t);
  const noteOf = new Map(notes.map((c) => [`${c.funding_line_id}/${c.organisation_id}`, c]));

  const [{ name: territory }] = await db.query<{ name: string | null }>(REPORTS_SQL.territoryName);
  const seance = seanceInstant(committee.scheduled_at, committee.opened_at, committee.closed_at);
  const date = civilDateIn(seance, 'Europe/Paris');
  const pdf = new PdfWriter(out, `Procès-verbal — ${committee.title}`);
  pdf.setFooter((page, pages) => `Procès-verbal — ${committee.title} — page ${page} sur ${pages}`);
  pdf.title('Procès-verbal');
  if (territory) pdf.paragraph(territory);
  pdf.paragraph(committee.title, { bold: true });
  pdf.paragraph(`${COMMITTEE_KIND_LABELS[committee.kind] ?? committee.kind} — ${committee.contrat_title}`);
  pdf.paragraph(`Séance du ${parisDateTime(seance)}${committee.place ? ` — ${committee.place}` : ''}`);
  if (seance.getTime() !== committee.scheduled_at.getTime()) pdf.paragraph(`(séance prévue le ${parisDateTime(committee.scheduled_at)})`);
  if (committee.closed_at) pdf.paragraph(`Clos le ${parisDateTime(committee.closed_at)}`);

  pdf.heading('Membres et présences');
  const memberColumns = (cells: [string, string, string, string], bold = false): Cell[] => [
    { text: cells[0], weight: 40, min: 120, bold },
    { text: cells[1], weight: 14, min: 60, bold },
    { text: cells[2], weight: 30, min: 90, bold },
    { text: cells[3], weight: 16, min: 60, bold },
  ];
  pdf.row(memberColumns(['Organisation', 'Voix', 'Présence', 'Vote'], true));
  for (const m of members) {
    pdf.row(
      memberColumns([
        m.name,
        m.voting ? 'délibérative' : 'consultative',
        attendanceText(m.attendance, m.representative_name),
        m.voted ? 'a voté' : "n'a pas voté",
      ]),
    );
  }
  const votingMembers = members.filter((m) => m.voting).length;
  const voters = members.filter((m) => m.voting && m.voted).length;
  const attending = members.filter((m) => m.attendance === 'PRESENT' || m.attendance === 'REPRESENTE').length;
  const recorded = members.filter((m) => m.attendance !== null).length;
  pdf.paragraph(
    recorded === 0
      ? 'Présences non renseignées pour cette séance.'
      : `${attending} organisation(s) présente(s) ou représentée(s) sur ${members.length} membre(s) ; ${recorded} présence(s) renseignée(s).`,
  );
  pdf.heading('Quorum');
  pdf.paragraph(
    `Quorum requis : ${committee.quorum} organisation(s) votante(s) ; ${voters} sur ${votingMembers} membre(s) à voix délibérative ont voté : quorum ${voters >= committee.quorum ? 'atteint' : 'non atteint'}.`,
  );

  pdf.heading('Ordre du jour, avis et décisions');
  const byItem = new Map<string, typeof decisions>();
  for (const d of decisions) byItem.set(d.agenda_item_id, [...(byItem.get(d.agenda_item_id) ?? []), d]);
  const avisByItem = new Map<string, typeof avis>();
  for (const a of avis) avisByItem.set(a.agenda_item_id, [...(avisByItem.get(a.agenda_item_id) ?? []), a]);
  const decisionColumns = (cells: [string, string, string, string, string], bold = false): Cell[] => [
    { text: cells[0], weight: 30, min: 90, bold },
    { text: cells[1], weight: 22, min: 70, bold },
    { text: cells[2], weight: 17, min: 70, bold, align: 'right' },
    { text: cells[3], weight: 14, min: 55, bold },
    { text: cells[4], weight: 17, min: 70, bold, align: 'right' },
  ];
  for (const item of items) {
    pdf.space(0.3);
    pdf.paragraph(`${item.position}. ${item.reference} — ${item.title}`, { bold: true });
    pdf.paragraph(`Porteur : ${item.porteur}`, { indent: 12 });
    for (const a of avisByItem.get(item.id) ?? []) {
      pdf.paragraph(`Avis ${AVIS_LABELS[a.opinion] ?? a.opinion} (${a.author})${a.comment ? ` : ${a.comment}` : ''}`, { indent: 12 });
    }
    const lines = byItem.get(item.id) ?? [];
    if (lines.length === 0) {
      pdf.paragraph("Aucune décision : l'action avait quitté l'arbitrage à la clôture.", { indent: 12 });
      continue;
    }
    pdf.row(decisionColumns(['Financeur', 'Nature', 'Demandé', 'Décision', 'Montant'], true), 12);
    for (const d of lines) {
      pdf.row(
        decisionColumns([
          d.funder,
          `${FUNDING_KIND_LABELS[d.line_kind] ?? d.line_kind} ${d.exercise_year}`,
          pdfEuros(d.requested),
          DECISION_LABELS[d.kind] ?? d.kind,
          pdfEuros(d.amount),
        ]),
        12,
      );
      const note = noteOf.get(`${d.funding_line_id}/${d.funder_id}`);
      if (note?.on_behalf) pdf.paragraph(onBehalfMention(d.funder, note.recorded_by, note.mandate_author), { indent: 24, size: 9 });
      if (note?.comment) pdf.paragraph(`Commentaire ${de(d.funder)} : ${note.comment}`, { indent: 24, size: 9 });
      if (d.current !== null && d.current !== d.amount) {
        pdf.paragraph(`Décision corrigée depuis la séance : montant en vigueur ${pdfEuros(d.current)}.`, { indent: 24, size: 9 });
      }
    }
  }

  pdf.heading('Totaux par financeur');
  const totalColumns = (cells: [string, string, string], bold = false): Cell[] => [
    { text: cells[0], weight: 50, min: 120, bold },
    { text: cells[1], weight: 25, min: 80, bold, align: 'right' },
    { text: cells[2], weight: 25, min: 80, bold, align: 'right' },
  ];
  pdf.row(totalColumns(['Financeur', 'Demandé', 'Accordé'], true));
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
    pdf.row(totalColumns([total.name, pdfEuros(total.requested), pdfEuros(total.granted)]));
    requested += total.requested;
    granted += total.granted;
  }
  pdf.row(totalColumns(['Total', pdfEuros(requested), pdfEuros(granted)], true));
  if (committee.minutes.length > 0) {
    pdf.heading('Relevé de décisions');
    for (const line of committee.minutes) pdf.paragraph(`• ${line}`);
  }

  // The chair signs the procès-verbal: a block kept whole on one page.
  pdf.ensure(140);
  pdf.heading('Signature du président de séance');
  pdf.paragraph(`Fait le ${committee.closed_at ? parisDateTime(committee.closed_at) : parisDateTime(seance)}.`);
  // The block names the body and the territory it belongs to, as the paper signed in the séance does.
  const body = COMMITTEE_KIND_LABELS[committee.kind]?.toLowerCase() ?? 'comité';
  pdf.paragraph(`Pour le ${body}${territory ? ` ${de(territory)}` : ''}, le président de séance :`);
  pdf.space(0.5);
  pdf.paragraph('Nom et qualité : ……………………………………………………………');
  pdf.space(0.5);
  pdf.paragraph('Signature :');
  pdf.space(3);
  await pdf.end();
  return { date };
}
