import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { In } from 'typeorm';

import { visibleActionSql } from '@pilotis/access';
import { Action, ACTION_STATUS_LABELS, ActionService, ActionStatus, BOUND_STATUSES, escapeLike } from '@pilotis/actions';
import { AuditService, OutboxService } from '@pilotis/audit';
import { Db } from '@pilotis/db';
import { Organisation } from '@pilotis/organisations';
import {
  badInput,
  conflict,
  de,
  decodeCursor,
  DomainError,
  ErrorCode,
  type FieldError,
  forbidden,
  formatCivilDate,
  invalidField,
  isCivilDate,
  notFound,
  type Page,
  toPage,
} from '@pilotis/shared';

import {
  Convention,
  ConventionSignatory,
  ConventionSignature,
  ConventionStatus,
  ConventionVersion,
  SignatoryRole,
} from './convention.entity';
import {
  AmendConventionInput,
  CancelConventionInput,
  ConventionsArgs,
  SetConventionBilanDateInput,
  SetPaymentScheduleInput,
  SignConventionInput,
} from './convention.inputs';
import {
  balancePercent,
  conventionHash,
  ConventionIndicator,
  DEFAULT_SCHEDULE,
  FunderCommitment,
  orderFunders,
  PaymentSchedule,
  renderConventionText,
} from './convention-text';
import { CONVENTIONS_SQL } from './conventions.sql';
import { SignatoryMandates } from './signatory-mandates';
import { SignatureMandate } from './signature-on-behalf';

/** A convention is drafted once the funders have decided, and only for what they granted. */
const DRAFTABLE: ReadonlySet<ActionStatus> = new Set([ActionStatus.PROGRAMMEE, ActionStatus.PARTIELLEMENT_PROGRAMMEE]);

interface ActionRow {
  id: string;
  reference: string;
  title: string;
  start_date: string;
  end_date: string;
  total_budget_cents: string;
  status: ActionStatus;
  porteur_id: string;
  porteur_name: string;
}

interface FrameRow {
  territory_name: string;
  contrat_title: string;
  start_year: number;
  end_year: number;
  pillar_title: string;
  objective_code: string | null;
  objective_title: string | null;
}

/** A signature as the convention's document shows it: who signed, for which organisation, when, what. */
export interface DocumentSignature {
  id: string;
  organisationId: string;
  organisationName: string;
  signerName: string;
  signedAt: Date;
  /** Recorded « pour le compte de » the organisation: who recorded it and on whose mandate (the signer is `signerName`). */
  onBehalf: { recordedByName: string; signerQuality: string; mandateAuthor: string } | null;
  hash: string;
}

/** One version of a convention with everything its document prints: the signed text, the parties, the signatures. */
export interface ConventionDocument {
  conventionId: string;
  status: ConventionStatus;
  actionReference: string;
  version: ConventionVersion;
  signatories: (ConventionSignatory & { organisationName: string })[];
  signatures: DocumentSignature[];
}

/** An action whose file is closed: its convention no longer changes. */
const CLOSED_ACTION: ReadonlySet<ActionStatus> = new Set([ActionStatus.SOLDEE, ActionStatus.ABANDONNEE]);

/**
 * Conventions de financement: drafting from the decided lines, avenants as new versions (earlier
 * signatures do not carry over), and signatures by the representatives of each signatory organisation.
 * Rows are read and written through the repositories; what joins several tables or locks through a join
 * (the visible conventions, the locked action with its porteur, the decided funders, the signed version)
 * is CONVENTIONS_SQL's.
 */
@Injectable()
export class ConventionService {
  private readonly logger = new Logger(ConventionService.name);

  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly actions: ActionService,
    private readonly mandates: SignatoryMandates,
  ) {}

  // ------------------------------------------------------------------ reads

  /**
   * The visible conventions, filtered, by increasing action number (one convention per action: the number
   * is the keyset).
   */
  async list(args: ConventionsArgs): Promise<Page<Convention>> {
    const { sql, params } = this.visibleSql();
    const f = args.filter ?? {};
    const param = (value: unknown): number => params.push(value);
    const conditions: string[] = [];
    if (f.actionId) conditions.push(`c.action_id = $${param(f.actionId.toLowerCase())}`);
    if (f.contratId) {
      const contratId = f.contratId.toLowerCase();
      // Another territory's contract (or none) is refused rather than answered with an empty list.
      if (!(await this.actions.contractYears(contratId))) throw notFound('Contrat');
      conditions.push(CONVENTIONS_SQL.filter.contrat(param(contratId)));
    }
    if (f.status && f.status.length > 0) conditions.push(`c.status = any($${param(f.status)}::text[])`);
    const hasFunder = f.funderId !== undefined && f.funderId !== null;
    const hasYear = f.exerciseYear !== undefined && f.exerciseYear !== null;
    if (hasFunder || hasYear) {
      const funder = hasFunder ? param((f.funderId as string).toLowerCase()) : null;
      const year = hasYear ? param(f.exerciseYear) : null;
      conditions.push(CONVENTIONS_SQL.filter.grantedLine(funder, year));
    }
    const search = f.search?.trim();
    if (search) conditions.push(CONVENTIONS_SQL.filter.search(param(`%${escapeLike(search)}%`)));
    if (f.awaitingMySignature !== undefined && f.awaitingMySignature !== null) {
      // Without an organisation, nothing awaits the caller's signature.
      const awaiting = CONVENTIONS_SQL.filter.awaitingSignatureOf(param(this.db.tenant().organisationId));
      conditions.push(f.awaitingMySignature ? `coalesce(${awaiting}, false)` : `not coalesce(${awaiting}, false)`);
    }
    if (args.after) {
      const [afterNumber] = decodeCursor(args.after, 1);
      if (typeof afterNumber !== 'number' || !Number.isInteger(afterNumber)) {
        throw invalidField('after', 'invalid_cursor', 'Curseur de pagination invalide.');
      }
      conditions.push(`a.number > $${param(afterNumber)}`);
    }
    const rows = await this.db.query<{ id: string; number: number }>(
      `${sql.replace('select c.id', 'select c.id, a.number')} ${conditions.map((c) => `and ${c}`).join(' ')} order by a.number limit $${param(args.first + 1)}`,
      params,
    );
    const page = toPage(rows, args.first, (r) => [r.number]);
    const conventions = new Map((await this.byIds(page.nodes.map((r) => r.id))).map((c) => [c.id, c]));
    return { nodes: page.nodes.map((r) => conventions.get(r.id) as Convention), pageInfo: page.pageInfo };
  }

  /** A convention the caller may see, or NOT_FOUND. */
  async findVisible(id: string, lock = false): Promise<Convention> {
    const { sql, params } = this.visibleSql();
    params.push(id.toLowerCase());
    const [row] = await this.db.query<{ id: string }>(`${sql} and c.id = $${params.length} ${lock ? 'for update of c' : ''}`, params);
    if (!row) throw notFound('Convention');
    const [convention] = await this.byIds([row.id]);
    return convention;
  }

  async currentVersion(conventionId: string): Promise<ConventionVersion> {
    const version = await (await this.db.repository(ConventionVersion)).findOne({ conventionId }, { order: { number: 'DESC' } });
    if (!version) throw new Error(`Convention ${conventionId} without a version`);
    return version;
  }

  async signatories(versionId: string): Promise<ConventionSignatory[]> {
    return (await this.db.repository(ConventionSignatory)).find({ where: { versionId }, order: { position: 'ASC' } });
  }

  async signatures(versionId: string): Promise<ConventionSignature[]> {
    return (await this.db.repository(ConventionSignature)).find({ where: { versionId }, order: { signedAt: 'ASC', id: 'ASC' } });
  }

  /** The canonical text of a version of a convention the caller may see. */
  async text(versionId: string): Promise<string> {
    const version = await (await this.db.repository(ConventionVersion)).findOne({ id: versionId.toLowerCase() });
    if (!version) throw notFound('Version de convention');
    await this.findVisible(version.conventionId).catch(() => {
      throw notFound('Version de convention');
    });
    return version.text;
  }

  /**
   * A version of a visible convention (the one in force when `versionNumber` is omitted) with what its
   * document prints. NOT_FOUND for a convention the caller may not see or a version it does not have.
   */
  async document(conventionId: string, versionNumber?: number | null): Promise<ConventionDocument> {
    const convention = await this.findVisible(conventionId);
    const versions = await this.db.repository(ConventionVersion);
    const version =
      versionNumber == null
        ? await this.currentVersion(convention.id)
        : await versions.findOne({ conventionId: convention.id, number: versionNumber });
    if (!version) throw notFound('Version de convention');
    this.assertTextIntact(version);
    const action = await (await this.db.repository(Action)).findOneOrFail({ id: convention.actionId });
    const signatories = await this.signatories(version.id);
    const names = new Map(
      (await (await this.db.repository(Organisation)).find({ where: { id: In(signatories.map((s) => s.organisationId)) } })).map((o) => [
        o.id,
        o.name,
      ]),
    );
    const signatures = await this.db.query<{
      id: string;
      organisation_id: string;
      organisation_name: string;
      signer_name: string;
      signed_at: Date;
      hash: string;
      on_behalf: boolean;
      recorded_by_name: string;
      signer_quality: string | null;
      mandate_author: string | null;
    }>(CONVENTIONS_SQL.documentSignatures, [this.tenantId(), version.id]);
    return {
      conventionId: convention.id,
      status: convention.status,
      actionReference: action.reference,
      version,
      signatories: signatories.map((s) => Object.assign(s, { organisationName: names.get(s.organisationId) ?? '' })),
      signatures: signatures.map((g) => ({
        id: g.id,
        organisationId: g.organisation_id,
        organisationName: g.organisation_name,
        signerName: g.signer_name,
        signedAt: g.signed_at,
        hash: g.hash,
        onBehalf: g.on_behalf
          ? { recordedByName: g.recorded_by_name, signerQuality: g.signer_quality ?? '', mandateAuthor: g.mandate_author ?? '' }
          : null,
      })),
    };
  }

  // ------------------------------------------------------------------ writes

  /** For the committee close: the default draft (parallel signing) of a programmed action. */
  draftForAction(actionId: string): Promise<Convention> {
    return this.draft(actionId, false);
  }

  async draft(actionId: string, sequential: boolean): Promise<Convention> {
    const action = await this.lockAction(actionId);
    if (!DRAFTABLE.has(action.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : une convention ne se rédige que pour une action programmée ou partiellement programmée.`,
      );
    }
    const conventions = await this.db.repository(Convention);
    const existing = await conventions.findOne({ actionId: action.id });
    if (existing?.status === ConventionStatus.ANNULEE) {
      // One convention per action: a cancelled one is re-established by a new version, its history kept.
      await conventions.update({ id: existing.id }, { sequential });
      return this.newVersion(existing.id, 'Convention rétablie après annulation.', 'convention.reopen', () => undefined, { reopen: true });
    }
    if (existing) throw conflict(`L'action ${action.reference} a déjà une convention : modifiez-la par un avenant.`);
    const funders = await this.decidedFunders(action.id, new Map());
    if (funders.length === 0) {
      throw conflict(`L'action ${action.reference} n'a aucune ligne accordée : il n'y a rien à conventionner.`);
    }
    const id = randomUUID();
    await conventions.insert({ id, actionId: action.id, status: ConventionStatus.BROUILLON, sequential });
    const version = await this.writeVersion(id, 1, null, action, funders);
    const convention = (await this.byIds([id]))[0];
    await this.audit.record({
      operation: 'convention.draft',
      entityType: 'Convention',
      entityId: id,
      after: { ...convention, actionReference: action.reference, version: this.versionSnapshot(version, funders, action.porteur_id) },
    });
    // Its signatures and payment tranches are deadlines: recomputed now, not at the next daily scan.
    await this.outbox.publish('convention.drafted', { conventionId: id, actionId: action.id });
    return convention;
  }

  /** An avenant re-rendered from the current decided lines, keeping each funder's schedule. */
  async amend(input: AmendConventionInput): Promise<Convention> {
    return this.newVersion(input.conventionId, input.reason.trim(), 'convention.amend', () => undefined);
  }

  /**
   * Keeps the convention of an action in line with a corrected decision (the action's status has already
   * been recomputed by the committee context): an avenant when something is still granted — on a signed
   * convention too, whose signed version stays in force until the avenant is signed by all —, a draft when
   * a refused action is now granted, the cancelled convention re-established, or its cancellation when no
   * funder grants anything any more.
   */
  async followCorrectedDecision(actionId: string, reason: string): Promise<void> {
    const convention = await (await this.db.repository(Convention)).findOne({ actionId }, { lock: 'pessimistic_write' });
    const [granted] = await this.db.query<{ n: number }>(CONVENTIONS_SQL.grantedLineCount, [this.tenantId(), actionId]);
    const motive = `Décision corrigée : ${reason}`;
    if (granted.n === 0) {
      if (convention && convention.status !== ConventionStatus.ANNULEE)
        await this.markCancelled(convention.id, convention.status, `Plus aucun financement accordé : ${reason}`);
      return;
    }
    if (!convention) await this.draftForAction(actionId);
    else if (convention.status === ConventionStatus.ANNULEE)
      await this.newVersion(convention.id, motive, 'convention.reopen', () => undefined, { reopen: true });
    else await this.amend({ conventionId: convention.id, reason: motive });
  }

  /**
   * Cancels a convention. One that binds its signatories (a version signed by all) is only cancelled once
   * the action is abandoned: otherwise the funders' commitments would vanish without their signature.
   */
  async cancel(input: CancelConventionInput): Promise<Convention> {
    const convention = await this.findVisible(input.conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE) throw conflict('La convention est déjà annulée.');
    const action = await this.lockAction(convention.actionId);
    const signed = await this.signedVersionNumber(convention.id);
    if (signed !== null && action.status !== ActionStatus.ABANDONNEE) {
      throw conflict(
        `La version ${signed} de la convention est signée de tous et engage ses signataires : elle ne s'annule qu'une fois l'action ${action.reference} abandonnée.`,
      );
    }
    await this.markCancelled(convention.id, convention.status, input.reason.trim());
    return (await this.byIds([convention.id]))[0];
  }

  /** The number of the last version signed by every one of its signatories, or null. */
  async signedVersionNumber(conventionId: string): Promise<number | null> {
    const [row] = await this.db.query<{ number: number | null }>(CONVENTIONS_SQL.signedVersionNumber, [this.tenantId(), conventionId]);
    return row?.number ?? null;
  }

  private async markCancelled(conventionId: string, before: ConventionStatus, reason: string): Promise<void> {
    await (
      await this.db.repository(Convention)
    ).update({ id: conventionId }, { status: ConventionStatus.ANNULEE, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: 'convention.cancel',
      entityType: 'Convention',
      entityId: conventionId,
      before: { status: before },
      after: { status: ConventionStatus.ANNULEE, reason },
    });
    await this.outbox.publish('convention.cancelled', { conventionId, reason });
  }

  /** The convention's own bilan date (or back to the usual delay): an avenant like any other change. */
  async setBilanDate(input: SetConventionBilanDateInput): Promise<Convention> {
    const date = input.bilanDueDate ?? null;
    if (date !== null && !isCivilDate(date)) throw invalidField('bilanDueDate', 'invalid', 'date invalide');
    const reason = date
      ? `Date limite du bilan fixée au ${formatCivilDate(date)}.`
      : "Date limite du bilan ramenée au délai habituel (six mois après l'exercice).";
    return this.newVersion(input.conventionId, reason, 'convention.bilan_date', () => undefined, { bilanDueDate: date });
  }

  /**
   * A funder's schedule (advance, tranches, its bilan date). A changed schedule is a changed text, hence a
   * new version with its own hash, like any other change; but only while nobody has signed the version in
   * force (SIGNATURE_STARTED after the first signature: the others must sign what the first one read).
   */
  async setPaymentSchedule(input: SetPaymentScheduleInput): Promise<Convention> {
    const funderId = input.funderId.toLowerCase();
    const schedule = paymentSchedule(input);
    return this.newVersion(
      input.conventionId,
      'Échéancier modifié.',
      'convention.schedule',
      (schedules, funders) => {
        const funder = funders.find((f) => f.organisationId === funderId);
        if (!funder) {
          throw invalidField('funderId', 'not_a_funder', "cette organisation n'est pas un financeur signataire de la convention");
        }
        schedules.set(funderId, schedule);
        return `Échéancier ${de(funder.name)} modifié.`;
      },
      { unsignedOnly: true },
    );
  }

  /**
   * The stored text of a version still hashes to its recorded hash: what is printed or signed is what was
   * hashed at drafting. A row altered directly in the database (its text, not its hash, which the audit
   * chain also holds) is refused rather than printed or signed under a hash it no longer has.
   */
  private assertTextIntact(version: Pick<ConventionVersion, 'id' | 'number' | 'text' | 'hash'>): void {
    if (conventionHash(version.text) === version.hash) return;
    this.logger.error(`convention version ${version.id} no longer matches its hash`);
    throw new DomainError(
      ErrorCode.TEXT_INTEGRITY,
      `Le texte enregistré de la version ${version.number} ne correspond plus à son empreinte : il n'est ni imprimé ni signé. Prévenez l'administrateur.`,
    );
  }

  /**
   * Signs the version in force for the caller's organisation or, with a mandate, « pour le compte de » a
   * signatory without an account (`SignatureOnBehalfService`, which checks the mandate's fields first): the
   * same path — the same hash of the same stored text, the same order and completion —, after the checks of
   * the represented organisation and its mandate (`SignatoryMandates`). Audited `convention.sign` or
   * `convention.sign_on_behalf`.
   */
  async sign(input: SignConventionInput, mandate: SignatureMandate | null = null): Promise<Convention> {
    const scope = this.db.tenant();
    const actor = this.db.actor();
    // The row lock serialises the signatures of one convention: the last one sees every other and closes it.
    const convention = await this.findVisible(input.conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE) throw conflict('La convention est annulée : elle ne se signe plus.');
    const version = await this.currentVersion(convention.id);
    this.assertTextIntact(version);
    const signatories = await this.signatories(version.id);
    const organisationId = mandate ? mandate.organisationId : scope.organisationId;
    const mine = organisationId ? signatories.find((s) => s.organisationId === organisationId) : undefined;
    if (!mine) {
      if (mandate)
        throw invalidField('organisationId', 'not_a_signatory', "cette organisation n'est pas signataire de la version en vigueur");
      throw forbidden(
        "Vous ne représentez aucune organisation signataire de cette convention : vous ne pouvez signer que pour l'organisation de votre adhésion.",
      );
    }
    if (mandate) await this.mandates.check(convention.id, mine.organisationId, mandate);
    const hash = input.versionHash.trim().toLowerCase();
    if (hash !== version.hash) {
      const old = await (await this.db.repository(ConventionVersion)).findOne({ conventionId: convention.id, hash });
      if (old) {
        throw new DomainError(
          ErrorCode.VERSION_SUPERSEDED,
          `La version ${old.number} a été remplacée par la version ${version.number} (avenant) : relisez et signez la version en vigueur.`,
        );
      }
      throw invalidField('versionHash', 'mismatch', "cette empreinte n'est celle d'aucune version de la convention");
    }
    const signatures = await this.signatures(version.id);
    if (signatures.some((s) => s.organisationId === mine.organisationId)) {
      throw new DomainError(
        ErrorCode.ALREADY_SIGNED,
        `${mandate ? 'Cette' : 'Votre'} organisation a déjà signé cette version de la convention.`,
      );
    }
    if (convention.sequential) {
      const signed = new Set(signatures.map((s) => s.organisationId));
      const waiting = signatories.filter((s) => s.position < mine.position && !signed.has(s.organisationId));
      if (waiting.length > 0) {
        throw new DomainError(
          ErrorCode.NOT_YOUR_TURN,
          `Signature séquentielle : ${waiting.length} signataire(s) doivent signer avant ${mandate ? 'cette' : 'votre'} organisation (rang ${mine.position}).`,
        );
      }
    }
    const signatureId = randomUUID();
    await (
      await this.db.repository(ConventionSignature)
    ).insert({
      id: signatureId,
      versionId: version.id,
      organisationId: mine.organisationId,
      signedByUserId: actor.userId,
      hash: version.hash,
      onBehalf: mandate !== null,
      signerName: mandate?.signerName ?? null,
      signerQuality: mandate?.signerQuality ?? null,
      mandateAuthor: mandate?.author ?? null,
      mandateDocumentId: mandate?.documentId ?? null,
    });
    const signedCount = signatures.length + 1;
    const complete = signedCount === signatories.length;
    const status = complete ? ConventionStatus.SIGNEE : ConventionStatus.EN_SIGNATURE;
    await (await this.db.repository(Convention)).update({ id: convention.id }, { status, updatedAt: () => 'now()' });
    await this.audit.record({
      operation: mandate ? 'convention.sign_on_behalf' : 'convention.sign',
      entityType: 'Convention',
      entityId: convention.id,
      before: { status: convention.status, signedCount: signatures.length },
      after: {
        status,
        signatureId,
        versionId: version.id,
        versionNumber: version.number,
        organisationId: mine.organisationId,
        role: mine.role,
        hash: version.hash,
        signedCount,
        signatoryCount: signatories.length,
        ...(mandate && {
          onBehalf: {
            recordedBy: actor.userId,
            signerName: mandate.signerName,
            signerQuality: mandate.signerQuality,
            mandateAuthor: mandate.author,
            mandateDocumentId: mandate.documentId,
          },
        }),
      },
    });
    if (complete) {
      await this.markActionConventionnee(convention.actionId);
      // Funders' systems and reminders learn that the co-funding is bound (relayed by the worker).
      await this.outbox.publish('convention.signed', {
        conventionId: convention.id,
        actionId: convention.actionId,
        versionId: version.id,
        versionNumber: version.number,
        hash: version.hash,
        signatoryCount: signatories.length,
      });
    }
    return (await this.byIds([convention.id]))[0];
  }

  // ------------------------------------------------------------------ internals

  private async newVersion(
    conventionId: string,
    givenReason: string,
    operation: string,
    /** Changes the schedules for the new version; may return the avenant's reason in place of the given one. */
    adjust: (schedules: Map<string, PaymentSchedule>, funders: FunderCommitment[]) => string | void,
    options: { reopen?: boolean; bilanDueDate?: string | null; unsignedOnly?: boolean } = {},
  ): Promise<Convention> {
    const convention = await this.findVisible(conventionId, true);
    if (convention.status === ConventionStatus.ANNULEE && !options.reopen)
      throw conflict('La convention est annulée : elle ne se modifie plus.');
    // The row lock taken above serialises this check with the signatures (sign locks the same row).
    if (options.unsignedOnly && convention.status !== ConventionStatus.BROUILLON) {
      throw new DomainError(
        ErrorCode.SIGNATURE_STARTED,
        'La version en vigueur de la convention a déjà été signée : son échéancier ne se modifie plus. Passez par un avenant (toutes les signatures seront à recueillir de nouveau) si le calendrier doit changer.',
      );
    }
    const action = await this.lockAction(convention.actionId);
    if (CLOSED_ACTION.has(action.status)) {
      throw conflict(`L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : sa convention ne se modifie plus.`);
    }
    const previous = await this.currentVersion(convention.id);
    const previousSignatories = await this.signatories(previous.id);
    const schedule = new Map(previousSignatories.map((s) => [s.organisationId, scheduleOf(s)]));
    const current = await this.decidedFunders(action.id, schedule);
    const reason = adjust(schedule, current) ?? givenReason;
    const funders = await this.decidedFunders(action.id, schedule);
    if (funders.length === 0) throw conflict(`L'action ${action.reference} n'a plus aucune ligne accordée.`);

    await (await this.db.repository(ConventionVersion)).update({ id: previous.id }, { supersededAt: () => 'now()' });
    // The bilan date is a clause of the text: an avenant keeps it unless it is the avenant's subject.
    const bilanDueDate = options.bilanDueDate !== undefined ? options.bilanDueDate : previous.bilanDueDate;
    const version = await this.writeVersion(convention.id, previous.number + 1, reason, action, funders, bilanDueDate);
    // Signatures belong to the version they signed: the new text starts with none. A version signed by
    // all before stays in force (signedVersion) until this avenant is signed by all in turn.
    await (
      await this.db.repository(Convention)
    ).update({ id: convention.id }, { status: ConventionStatus.BROUILLON, updatedAt: () => 'now()' });
    await this.audit.record({
      operation,
      entityType: 'Convention',
      entityId: convention.id,
      before: {
        status: convention.status,
        versionNumber: previous.number,
        hash: previous.hash,
        schedule: Object.fromEntries(previousSignatories.map((s) => [s.organisationId, scheduleOf(s)])),
      },
      after: { status: ConventionStatus.BROUILLON, reason, version: this.versionSnapshot(version, funders, action.porteur_id) },
    });
    // A new version (avenant, schedule, reopening) waits for signatures again: its deadlines move now.
    await this.outbox.publish('convention.versioned', { conventionId: convention.id, operation });
    return (await this.byIds([convention.id]))[0];
  }

  /** Renders, hashes and stores a version with its signatories: the porteur first, then funders by name. */
  private async writeVersion(
    conventionId: string,
    number: number,
    reason: string | null,
    action: ActionRow,
    funders: FunderCommitment[],
    bilanDueDate: string | null = null,
  ): Promise<ConventionVersion> {
    const [frame] = await this.db.query<FrameRow>(CONVENTIONS_SQL.actionFrame, [this.tenantId(), action.id]);
    // Read now, under the action's row lock: the text prints the indicators as they are at this version.
    const indicators = await this.db.query<ConventionIndicator>(CONVENTIONS_SQL.actionIndicators, [this.tenantId(), action.id]);
    const text = renderConventionText({
      versionNumber: number,
      bilanDueDate,
      reason,
      territoryName: frame.territory_name,
      contrat: { title: frame.contrat_title, startYear: frame.start_year, endYear: frame.end_year },
      pillar: { title: frame.pillar_title },
      objective: frame.objective_code && frame.objective_title ? { code: frame.objective_code, title: frame.objective_title } : null,
      indicators,
      action: {
        reference: action.reference,
        title: action.title,
        startDate: action.start_date,
        endDate: action.end_date,
        totalBudgetCents: BigInt(action.total_budget_cents),
      },
      porteur: { id: action.porteur_id, name: action.porteur_name },
      funders,
    });
    const id = randomUUID();
    const versions = await this.db.repository(ConventionVersion);
    await versions.insert({ id, conventionId, number, text, hash: conventionHash(text), reason, bilanDueDate });
    // A porteur that also funds its action signs once, as porteur, for its own line too.
    const porteurLine = funders.find((f) => f.organisationId === action.porteur_id);
    const others = orderFunders(funders).filter((f) => f.organisationId !== action.porteur_id);
    await (
      await this.db.repository(ConventionSignatory)
    ).insert([
      {
        id: randomUUID(),
        versionId: id,
        organisationId: action.porteur_id,
        role: SignatoryRole.PORTEUR,
        position: 1,
        amountCents: porteurLine?.amountCents ?? 0n,
        ...scheduleOf(porteurLine ?? DEFAULT_SCHEDULE),
      },
      ...others.map((f, i) => ({
        id: randomUUID(),
        versionId: id,
        organisationId: f.organisationId,
        role: SignatoryRole.FINANCEUR,
        position: i + 2,
        amountCents: f.amountCents,
        ...scheduleOf(f),
      })),
    ]);
    return versions.findOneOrFail({ id });
  }

  /** Every funder with a granted line (decided > 0), with the sum of its decided lines and its schedule. */
  private async decidedFunders(actionId: string, schedule: ReadonlyMap<string, PaymentSchedule>): Promise<FunderCommitment[]> {
    const rows = await this.db.query<{ funder_id: string; name: string; amount: string }>(CONVENTIONS_SQL.decidedFunders, [
      this.tenantId(),
      actionId,
    ]);
    return orderFunders(
      rows.map((r) => ({
        organisationId: r.funder_id,
        name: r.name,
        amountCents: BigInt(r.amount),
        ...scheduleOf(schedule.get(r.funder_id) ?? DEFAULT_SCHEDULE),
      })),
    );
  }

  /** The action, locked, with its porteur's name; NOT_FOUND if the caller may not see it. */
  private async lockAction(actionId: string): Promise<ActionRow> {
    const [row] = await this.db.query<ActionRow>(CONVENTIONS_SQL.lockAction, [this.tenantId(), actionId.toLowerCase()]);
    if (!row) throw notFound('Action');
    return row;
  }

  /**
   * All signed: the action becomes conventionnée, in this transaction. An avenant signed on an action
   * already bound (conventionnée, en cours, bilan attendu) changes no status.
   */
  private async markActionConventionnee(actionId: string): Promise<void> {
    const action = await this.lockAction(actionId);
    if (BOUND_STATUSES.has(action.status)) return;
    if (!DRAFTABLE.has(action.status)) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        `L'action ${action.reference} est « ${ACTION_STATUS_LABELS[action.status]} » : elle ne peut pas devenir conventionnée.`,
      );
    }
    await this.actions.applyDecidedTransition(action, ActionStatus.CONVENTIONNEE, {
      comment: 'Convention signée par tous les signataires.',
    });
  }

  private versionSnapshot(version: ConventionVersion, funders: FunderCommitment[], porteurId: string): Record<string, unknown> {
    return { id: version.id, number: version.number, hash: version.hash, reason: version.reason, porteurId, funders };
  }

  /**
   * The visible conventions, as SQL: a funder's representative sees those of actions its organisation
   * funds, a porteur's representative only those of its own actions, anyone else all of the tenant's.
   */
  private visibleSql(): { sql: string; params: unknown[] } {
    const scope = this.db.tenant();
    const params: unknown[] = [scope.tenantId, scope.organisationId];
    const sql = CONVENTIONS_SQL.visibleConventionIds(visibleActionSql(scope, '$2'));
    return { sql, params };
  }

  private async byIds(ids: string[]): Promise<Convention[]> {
    if (ids.length === 0) return [];
    return (await this.db.repository(Convention)).find({ where: { id: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private tenantId(): string {
    return this.db.tenant().tenantId;
  }
}

/** The schedule columns of a signatory (or a funder's commitment), copied so that no row is shared. */
function scheduleOf(s: PaymentSchedule): PaymentSchedule {
  return {
    advancePercent: s.advancePercent,
    tranches: s.tranches.map((t) => ({ percent: t.percent, condition: t.condition, dueDate: t.dueDate })),
    bilanDueDate: s.bilanDueDate,
  };
}

/** The schedule an input asks for, checked: real dates, each tranche dated or conditioned, at most 100 % in all. */
function paymentSchedule(input: SetPaymentScheduleInput): PaymentSchedule {
  const tranches = (input.tranches ?? []).map((t) => ({
    percent: t.percent,
    condition: t.condition?.trim() ? t.condition.trim() : null,
    dueDate: t.dueDate ?? null,
  }));
  const errors: FieldError[] = [];
  tranches.forEach((t, i) => {
    if (t.dueDate !== null && !isCivilDate(t.dueDate))
      errors.push({ field: `tranches.${i}.dueDate`, reason: 'invalid', message: 'date invalide' });
    if (t.dueDate === null && t.condition === null) {
      errors.push({ field: `tranches.${i}`, reason: 'no_trigger', message: 'une tranche se verse à une date ou sous une condition' });
    }
  });
  const bilanDueDate = input.bilanDueDate ?? null;
  if (bilanDueDate !== null && !isCivilDate(bilanDueDate))
    errors.push({ field: 'bilanDueDate', reason: 'invalid', message: 'date invalide' });
  const schedule = { advancePercent: input.advancePercent, tranches, bilanDueDate };
  if (balancePercent(schedule) < 0) {
    errors.push({ field: 'tranches', reason: 'over_100', message: "l'avance et les tranches dépassent 100 % du montant" });
  }
  if (errors.length > 0) throw badInput(errors);
  return schedule;
}
