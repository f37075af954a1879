import { registerEnumType } from '@nestjs/graphql';

/**
 * The events a tenant can subscribe a webhook to. Each is an outbox topic: publishing it in a transaction
 * also writes one delivery per active subscription, in that same transaction (see OutboxService).
 */
export enum WebhookEvent {
  ACTION_PROGRAMMED = 'ACTION_PROGRAMMED',
  DECISION_CORRECTED = 'DECISION_CORRECTED',
  CONVENTION_SIGNED = 'CONVENTION_SIGNED',
  COMMITMENT_RECORDED = 'COMMITMENT_RECORDED',
  COMMITMENT_DECOMMITTED = 'COMMITMENT_DECOMMITTED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  DEADLINE_OVERDUE = 'DEADLINE_OVERDUE',
}

/** Event → the outbox topic that carries it (also the `type` field of the body sent). */
export const WEBHOOK_TOPICS: Readonly<Record<WebhookEvent, string>> = {
  ACTION_PROGRAMMED: 'action.programmed',
  DECISION_CORRECTED: 'comite.decision.corrected',
  CONVENTION_SIGNED: 'convention.signed',
  COMMITMENT_RECORDED: 'commitment.recorded',
  COMMITMENT_DECOMMITTED: 'commitment.decommitted',
  PAYMENT_RECORDED: 'payment.recorded',
  DEADLINE_OVERDUE: 'deadline.overdue',
};

export const WEBHOOK_EVENT_OF_TOPIC: ReadonlyMap<string, WebhookEvent> = new Map(
  Object.entries(WEBHOOK_TOPICS).map(([event, topic]) => [topic, event as WebhookEvent]),
);

registerEnumType(WebhookEvent, {
  name: 'WebhookEvent',
  description: 'Événement auquel un webhook peut s’abonner.',
  valuesMap: {
    ACTION_PROGRAMMED: {
      description: 'Action programmée (ou partiellement) à la clôture d’un comité des financeurs (type « action.programmed »).',
    },
    DECISION_CORRECTED: { description: 'Décision d’un comité corrigée (type « comite.decision.corrected »).' },
    CONVENTION_SIGNED: { description: 'Convention signée (type « convention.signed »).' },
    COMMITMENT_RECORDED: { description: 'Engagement juridique enregistré (type « commitment.recorded »).' },
    COMMITMENT_DECOMMITTED: { description: 'Engagement réduit ou annulé (type « commitment.decommitted »).' },
    PAYMENT_RECORDED: { description: 'Paiement enregistré (type « payment.recorded »).' },
    DEADLINE_OVERDUE: { description: 'Échéance dépassée sans être tenue (type « deadline.overdue »).' },
  },
});
