import { Injectable } from '@nestjs/common';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { In } from 'typeorm';

import { AuditService, AuditSubject } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import { decodeCursor, invalidField, type Page, PageArgs, PageOf, toPage } from '@pilotis/shared';

import {
  HISTORY_OPERATION_LABELS,
  HistoryChange,
  historyChanges,
  historyComment,
  historySubject,
  ORGANISATION_KEYS,
} from './action-history.format';
import { ACTIONS_SQL } from './actions.sql';
import { FundingLine } from './funding-line.entity';

@ObjectType({ description: "Un champ modifié, avant et après, tels qu'on les lit (libellés, montants, dates en français)." })
export class ActionHistoryChange implements HistoryChange {
  @Field({ description: 'Libellé du champ.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Valeur avant (vide : pas de valeur, ou non affichée).' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'Valeur après (vide : pas de valeur, ou non affichée).' })
  after: string | null;
}

@ObjectType({
  description:
    "Un événement de l'historique d'une action, lu dans le journal d'audit : l'action, ses lignes de financement, ses avis, les décisions des comités, sa convention.",
})
export class ActionHistoryEntry {
  @Field(() => ID, { description: "Identifiant de l'événement d'audit." })
  id: string;

  @Field(() => GraphQLISODateTime, { description: "Instant de l'événement." })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "Nom de l'auteur (vide : le système, par exemple la clôture d'un comité programmée).",
  })
  actorName: string | null;

  @Field({ description: 'Opération, par exemple `action.transition`.' })
  operation: string;

  @Field({ description: "Ce qui s'est passé, en français (« Changement d'étape », « Avis d'instruction »…)." })
  summary: string;

  @Field({
    description: "L'objet concerné, en quelques mots (« Action », « Ligne de financement (Région Bretagne, Droit commun 2025) »…).",
  })
  subject: string;

  @Field(() => [ActionHistoryChange], { description: 'Les champs modifiés, avant et après.' })
  changes: ActionHistoryChange[];

  @Field(() => String, { nullable: true, description: "Commentaire ou motif donné avec le changement, s'il y en a un." })
  comment: string | null;

  @Field({ description: "Vrai si le contenu de l'événement a été caviardé (l'événement reste, son détail a disparu)." })
  redacted: boolean;

  @Field(() => ID, { nullable: true, description: "Comité des financeurs à l'origine de l'événement (décision, étape décidée en comité)." })
  committeeId: string | null;

  @Field(() => ID, { nullable: true, description: 'Convention concernée, pour un événement de la convention.' })
  conventionId: string | null;
}

export const ActionHistoryPage = PageOf(ActionHistoryEntry, 'ActionHistoryPage');

/**
 * A context whose objects belong to an action's history (avis, committee decisions, convention): it
 * registers with `ActionHistorySources` when its module starts, so that the actions context reads their
 * audit events without knowing those contexts.
 */
export interface ActionHistorySource {
  /** The operations of its objects the history shows. */
  operations: readonly string[];
  /** Whether the viewer (already allowed to see the action) may read these events. */
  visibleTo?(viewer: { role: string; organisationId: string | null }): boolean;
  /** Its objects that belong to the action, as audit subjects. */
  subjects(actionId: string): Promise<AuditSubject[]>;
}

@Injectable()
export class ActionHistorySources {
  private readonly sources: ActionHistorySource[] = [];

  register(source: ActionHistorySource): void {
    this.sources.push(source);
  }

  all(): readonly ActionHistorySource[] {
    return this.sources;
  }
}

/** The action's own operations and its financing plan's (not the ledger's: commitments and payments belong to each funder). */
const OWN_OPERATIONS = [
  'action.create',
  'action.update',
  'action.transition',
  // Recorded by the deadlines context on the action itself.
  'bilan.receive',
  'funding_line.add',
  'funding_line.update',
  'funding_line.remove',
] as const;

/**
 * The history of an action, from the audit trail: its own events, its financing plan's, and those of the
 * objects other contexts register (avis, decisions, convention), newest first, paged by the events' rank.
 * The caller has checked that the reader sees the action; each source says whom its events are for.
 */
@Injectable()
export class ActionHistoryService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly sources: ActionHistorySources,
  ) {}

  async page(actionId: string, args: PageArgs): Promise<Page<ActionHistoryEntry>> {
    const scope = this.db.tenant();
    let beforeSeq: number | null = null;
    if (args.after) {
      const [seq] = decodeCursor(args.after, 1);
      if (typeof seq !== 'number' || !Number.isInteger(seq))
        throw invalidField('after', 'invalid_cursor', 'Curseur de pagination invalide.');
      beforeSeq = seq;
    }
    const viewer = { role: scope.role, organisationId: scope.organisationId };
    const sources = this.sources.all().filter((s) => !s.visibleTo || s.visibleTo(viewer));
    const subjects: AuditSubject[] = [
      { entityType: 'Action', ids: [actionId] },
      { entityType: 'FundingLine', ids: await this.lineIds(actionId) },
      ...(await Promise.all(sources.map((s) => s.subjects(actionId)))).flat(),
    ];
    const operations = [...OWN_OPERATIONS, ...sources.flatMap((s) => s.operations)];
    const events = await this.audit.history(subjects, operations, { first: args.first, beforeSeq });
    const names = await this.organisationNames(events.flatMap((e) => [e.before, e.after]));
    const entries = events.map((e) => ({
      seq: e.seq,
      entry: {
        id: e.id,
        occurredAt: e.occurredAt,
        actorName: e.actorName,
        operation: e.operation,
        summary: HISTORY_OPERATION_LABELS[e.operation] ?? e.operation,
        subject: historySubject(e.entityType, e.before, e.after, names),
        changes: historyChanges(e.entityType, e.before, e.after, names),
        comment: historyComment(e.after, e.before),
        redacted: e.redacted,
        committeeId: stringOf(e.after?.committeeId) ?? stringOf(e.before?.committeeId),
        conventionId: e.entityType === 'Convention' ? e.entityId : null,
      },
    }));
    const page = toPage(entries, args.first, (x) => [x.seq]);
    return { nodes: page.nodes.map((x) => x.entry), pageInfo: page.pageInfo };
  }

  /** The action's lines, and those removed since (their ids survive in the trail only). */
  private async lineIds(actionId: string): Promise<string[]> {
    const current = await (await this.db.repository(FundingLine)).find({ where: { actionId } });
    const removed = await this.db.query<{ id: string }>(ACTIONS_SQL.removedLineIds, [this.db.tenant().tenantId, actionId]);
    return [...new Set([...current.map((l) => l.id), ...removed.map((r) => r.id)])];
  }

  private async organisationNames(payloads: (Record<string, unknown> | null)[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const p of payloads) for (const key of ORGANISATION_KEYS) if (p && typeof p[key] === 'string') ids.add(p[key] as string);
    const uuids = [...ids].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (uuids.length === 0) return new Map();
    const organisations = await (await this.db.repository(Organisation)).find({ where: { id: In(uuids) } });
    return new Map(organisations.map((o) => [o.id, o.name]));
  }
}

const stringOf = (v: unknown): string | null => (typeof v === 'string' ? v : null);
