/**
 * The columns of the Dauphin export: a committee's crédits spécifiques (the State's programme 147 lines of
 * the actions on its agenda), one row per line, in the order the State's instructors key them into Dauphin.
 * Kept free of Nest and of the database so that the row mapping is unit-tested.
 */
import type { ExportColumn, ExportValue } from '@pilotis/actions';

import { DecisionKind } from './decision.entity';

/** One line as PostgreSQL gives it (`COMITES_SQL.dauphinLines`). */
export interface DauphinLineRow {
  position: number;
  dauphin_number: string | null;
  reference: string;
  porteur_siret: string | null;
  porteur: string;
  title: string;
  pillar: string;
  qpv_codes: string | null;
  funder: string;
  exercise_year: number;
  requested: string;
  decided: string | null;
  decision_kind: DecisionKind | null;
  decided_on: string | null;
  committee_date: string;
}

export const DECISION_LABELS: Record<DecisionKind, string> = {
  [DecisionKind.GRANT]: 'Accordé',
  [DecisionKind.REFUSE]: 'Refusé',
  [DecisionKind.ABSTAIN]: 'Abstention',
  [DecisionKind.NO_VOTE]: 'Sans vote',
  [DecisionKind.CORRECTION]: 'Corrigé',
};

const text = (header: string, width: number): ExportColumn => ({ header, type: 'text', width });

/** The documented columns, in this order (README « Pont vers Dauphin »). */
export const DAUPHIN_COLUMNS: ExportColumn[] = [
  text('N° Dauphin', 18),
  text('Référence Pilotis', 22),
  text('SIRET porteur', 16),
  text('Porteur', 36),
  text("Intitulé de l'action", 48),
  text('Pilier', 32),
  text('QPV (codes)', 24),
  text('Financeur', 32),
  { header: 'Exercice', type: 'text', width: 10 },
  { header: 'Montant demandé (€)', type: 'cents', width: 18 },
  { header: 'Montant décidé (€)', type: 'cents', width: 18 },
  text('Décision', 14),
  { header: 'Date de décision', type: 'date', width: 14 },
  { header: 'Date du comité', type: 'date', width: 14 },
];

export function dauphinRow(r: DauphinLineRow): ExportValue[] {
  return [
    r.dauphin_number,
    r.reference,
    r.porteur_siret,
    r.porteur,
    r.title,
    r.pillar,
    r.qpv_codes,
    r.funder,
    String(r.exercise_year),
    BigInt(r.requested),
    r.decided === null ? null : BigInt(r.decided),
    r.decision_kind ? DECISION_LABELS[r.decision_kind] : null,
    r.decided_on,
    r.committee_date,
  ];
}
