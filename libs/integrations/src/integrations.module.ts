import { Module } from '@nestjs/common';

import { ApiKeyService } from './api-key.service';
import { IntegrationsResolver } from './integrations.resolver';
import { WebhookService } from './webhook.service';
import { WebhookSender } from './webhook-sender';
import { WebhooksProcessor } from './webhooks.processor';

/** API keys and webhook subscriptions (issue 6), in the API. */
@Module({ providers: [ApiKeyService, WebhookService, IntegrationsResolver] })
export class IntegrationsModule {}

/** Webhook deliveries, in the worker. */
@Module({ providers: [WebhookSender, WebhooksProcessor] })
export class IntegrationsWorkerModule {}
