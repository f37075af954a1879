import * as path from 'node:path';

import { DataSource, DataSourceOptions } from 'typeorm';

import { Action, ActionBudgetLine, ActionIndicator, ActionQpv, ComplementRequest, FundingLine } from '@pilotis/actions';
import { CallForProjects, CallFunder, CallObjective, CallPillar, CallQpv, CallRequiredPiece } from '@pilotis/appels';
import { AuditChainHead, AuditCheckpointRow, AuditEvent, OutboxEvent, PlatformAuditEvent } from '@pilotis/audit';
import { AccountToken, RefreshToken, User } from '@pilotis/auth';
import { BilanBudgetLine, BilanIndicatorValue, BilanReport } from '@pilotis/bilans';
import {
  AgendaItem,
  Committee,
  CommitteeAttendance,
  CommitteeDecision,
  CommitteeDefault,
  CommitteeDefaultMember,
  CommitteeMember,
  ConflictOfInterest,
  Envelope,
  Vote,
  VoteRequest,
} from '@pilotis/comites';
import { ContratDeVille, ContratQpv, ContratSignatory, Objective, Pillar } from '@pilotis/contrats';
import { Convention, ConventionSignatory, ConventionSignature, ConventionVersion } from '@pilotis/conventions';
import { SnakeNamingStrategy } from '@pilotis/db';
import { BilanReceipt, Deadline, DeadlineScan, EmailDigest, Notification, PersonDigest, TenantSettings } from '@pilotis/deadlines';
import { Document } from '@pilotis/documents';
import { Commitment, Decommitment, ExternalReference, FinanceRequest, Payment } from '@pilotis/finance';
import { Avis } from '@pilotis/instruction';
import { ApiKey, WebhookDelivery, WebhookSubscription } from '@pilotis/integrations';
import { Organisation } from '@pilotis/organisations';
import { Report } from '@pilotis/reports';
import { Membership, MembershipInvitation, PorteurSignup, Tenant, TenantCounter } from '@pilotis/tenancy';
import { IndicatorDefinition, Qpv, QpvContour } from '@pilotis/territoires';

/**
 * The composition root of persistence, shared by the API, the worker and the platform commands: every
 * entity of every bounded context, and the two ways to connect (owner for migrations, runtime role for
 * everything else). The schema itself comes only from `migrations/`.
 */
export const ALL_ENTITIES = [
  TenantSettings,
  Deadline,
  BilanReceipt,
  Notification,
  EmailDigest,
  PersonDigest,
  DeadlineScan,
  User,
  RefreshToken,
  AccountToken,
  Tenant,
  Membership,
  MembershipInvitation,
  PorteurSignup,
  TenantCounter,
  AuditEvent,
  PlatformAuditEvent,
  AuditChainHead,
  AuditCheckpointRow,
  OutboxEvent,
  Organisation,
  Qpv,
  QpvContour,
  ContratDeVille,
  Pillar,
  Objective,
  ContratSignatory,
  ContratQpv,
  CallForProjects,
  CallRequiredPiece,
  CallPillar,
  CallObjective,
  CallQpv,
  CallFunder,
  Action,
  ActionBudgetLine,
  ComplementRequest,
  ActionQpv,
  ActionIndicator,
  IndicatorDefinition,
  BilanReport,
  BilanBudgetLine,
  BilanIndicatorValue,
  FundingLine,
  Envelope,
  Committee,
  CommitteeAttendance,
  CommitteeMember,
  CommitteeDefault,
  CommitteeDefaultMember,
  AgendaItem,
  ConflictOfInterest,
  Vote,
  VoteRequest,
  CommitteeDecision,
  Avis,
  Convention,
  ConventionVersion,
  ConventionSignatory,
  ConventionSignature,
  Report,
  Document,
  Commitment,
  Payment,
  Decommitment,
  ExternalReference,
  FinanceRequest,
  ApiKey,
  WebhookSubscription,
  WebhookDelivery,
];

export const MIGRATIONS_GLOB = path.join(__dirname, '..', '..', '..', 'migrations', '*.{ts,js}');

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ALL_ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'typeorm_migrations',
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string, extra: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, extra));
}

/** The owner's data source, with the migrations: for `npm run db:migrate` and the drift check. */
export function createOwnerDataSource(url: string): DataSource {
  return createDataSource(url, { migrations: [MIGRATIONS_GLOB] });
}
// Databases for tests, benchmarks and `npm run db:setup`: roles, creation, copies of the template.
export { cloneDatabase, dropDatabase, ensureRolesAndDatabase } from './database-setup';
export { citusPlan, citusPlanFaults, COLOCATION_ANCHOR, CROSS_TENANT_PATHS, type CitusPlan, PLATFORM_TABLES } from './citus-plan';
