// The public surface of @pilotis/integrations: only what other projects import. Everything else in src/ is internal.

// Nest modules, imported by the apps and by the contexts that build on this one.
export { IntegrationsModule } from './integrations.module';

// The worker side: its module, processors and job settings.
export { WebhooksProcessor } from './webhooks.processor';

// Entities: registered by the composition root (libs/schema), joined on by other contexts.
export { ApiKey, WebhookDelivery, WebhookSubscription } from './integrations.entities';

// Used by other libraries.
export { IntegrationsWorkerModule } from './integrations.module';
export { WEBHOOK_JOB_OPTIONS } from './webhook.service';

// Used by tests, platform scripts and benchmarks only.
export { verifySignature } from './webhook-signature';
