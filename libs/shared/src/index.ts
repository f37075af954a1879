// The public surface of @pilotis/shared: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { ConfigModule } from './config.module';

// Used by other libraries.
export { InjectConfig, PILOTIS_CONFIG } from './config.module';
export {
  badInput,
  conflict,
  DomainError,
  ErrorCode,
  type FieldError,
  forbidden,
  invalidField,
  notFound,
  organisationHasAccount,
  unauthenticated,
  uuid,
} from './errors';
export { compactIdentifier, isValidSiren, isValidSiret } from './identifiers';
export { centsTransformer, formatEuros, formatQuantity, frenchDecimal, MAX_AMOUNT_CENTS } from './money';
export { CentsScalar, IsCents } from './cents.scalar';
export { decodeCursor, type Page, PageArgs, PageOf, toPage } from './pagination';
export {
  assertSafeServerConfig,
  assertSafeWorkerConfig,
  defaultWorkerDatabaseUrl,
  type DocumentsConfig,
  type ShutdownConfig,
  type DocumentsS3Config,
  loadConfig,
  redisHashTag,
  type PilotisConfig,
  webhookSecretsKeyProblem,
  withDatabase,
} from './config';
export { Clock } from './clock';
export {
  type CivilDate,
  civilDateIn,
  type CivilDateTime,
  civilDateTimeIn,
  daysBetween,
  dueInWords,
  formatCivilDate,
  FRENCH_MONTHS,
  instantOfCivil,
  isCivilDate,
  isCivilTime,
} from './civil-date';
export { WEBHOOK_EVENT_OF_TOPIC, WebhookEvent } from './webhook-events';
export { de, dePerson } from './french';
export {
  openWebhookSecret,
  SEALED_WEBHOOK_SECRET,
  sealWebhookSecret,
  UnreadableWebhookSecretError,
  WEBHOOK_SECRET_SQL_PATTERN,
  type WebhookSecretKeys,
  webhookSecretKeys,
  type WebhookSecretOwner,
} from './webhook-secrets';
export { amountCell, civilDateCell, spreadsheetRow, type SpreadsheetValue } from './spreadsheet';
export {
  controlCharacterProblem,
  findControlCharacters,
  MULTI_LINE_ARGS_EXTENSION,
  MULTI_LINE_EXTENSION,
  MultiLine,
  MultiLineArgs,
} from './text-hygiene';
export { requestLog, type RequestLogContext } from './request-log';
export { addMetricsCollector, METRICS, METRICS_CONTENT_TYPE, metricsRegistry, metricsText, operationLabel } from './metrics';
export { ALWAYS_REDACTED, type LoggingOptions, maskSecrets, pinoLevel, pinoOptions } from './logging';
