// Helpers for the end-to-end tests of every app. Side effects stay out of this entry point: a test that
// needs the web build's stand-in imports '@pilotis/test-support/web-dist-fixture' first, before anything
// loads the API; jest.e2e.config.js names env.js and the global set-up/teardown by path.
// Only what the tests import: everything else in src/ is internal.
export { addAction, addContrat, addOrganisation, auditOf, insertRow } from './action-fixtures';
export { centsOf, getCsv } from './csv';
export { createTenant, createUser, login, SIREN, TEST_PASSWORD, type TestTenant, type TestUser } from './fixtures';
export { randomSiret, siretFrom } from './siret';
export { type Caller, codeOf, gql, type GqlResponse, ok } from './graphql';
export { expectNoOverflow, type PdfItem, type PdfPage, readPdf } from './pdf';
export { scanForSecrets } from './secret-scan';
export { EICAR, startTestClamd, type TestClamd } from './clamd';
export { type ReceivedMail, smtpConfig, startTestSmtp, type TestSmtp } from './smtp';
export { SESSIONS_OUTLIVE_CLOCK_JUMPS, startTestApp, type TestApp } from './test-app';
export { runId, templateDatabase, TEST_AUDIT_CHECKPOINT_KEY, TEST_WEBHOOK_SECRETS_KEY, testConfig } from './test-env';
export { settleQueues, WAIT_CEILING_MS, waitForValue, waitUntil } from './wait';
export { connectionsTo, exited, localPortsTo, spawnWorker } from './worker-process';
export { freePort, spawnApi } from './api-process';
