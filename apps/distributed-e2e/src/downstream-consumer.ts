// A downstream consumer of the service desk's published language, as docs/consumers.md shows it:
// plain kafkajs, a consumer group of its own, nothing from this repository. The distributed e2e
// runs this very file.
import { Kafka, logLevel, type Consumer } from 'kafkajs';

/** The envelope of every integration event (AsyncAPI: docs/asyncapi, channel `service-desk.integration.v1`). */
export interface IntegrationEventV1<D = Record<string, unknown>> {
  type: string;
  id: string;
  source: string;
  subject: string;
  streamId: string;
  position: number;
  occurredAt: string;
  correlationId: string;
  causationId?: string | null;
  data: D;
}

export interface TicketResolvedV1Data {
  ticketId: string;
  customerId: string;
  kind: 'complaint' | 'service-request' | 'inquiry';
  major: boolean;
  ownerId: string;
  handlerId: string;
  handlingDepartment: string;
  receivedAt: string;
  resolvedBy: string;
  resolution: string;
  resolvedAt: string;
  atFirstContact: boolean;
  liaisonFormPending: boolean;
  emergency: boolean;
  transferCount: number;
  repeatContactCount: number;
}

export interface ResolvedTicketsOptions {
  brokers: string[];
  /** `service-desk.integration.v1`, with your environment's prefix if it has one. */
  topic: string;
  /** Your own group: the platform never shares its groups with consumers. */
  groupId: string;
  onResolved: (event: IntegrationEventV1<TicketResolvedV1Data>) => Promise<void>;
}

/** Follows `ticket-resolved.v1`; other types on the topic are skipped, unknown future versions too. */
export async function followResolvedTickets(options: ResolvedTicketsOptions): Promise<Consumer> {
  const kafka = new Kafka({ clientId: options.groupId, brokers: options.brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  await consumer.subscribe({ topic: options.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      // Route on the header, parse only what you handle.
      if (message.headers?.['event-type']?.toString() !== 'service-desk.ticket-resolved.v1') return;
      const event = JSON.parse(message.value!.toString('utf8')) as IntegrationEventV1<TicketResolvedV1Data>;
      // At-least-once: a redelivery carries the same `id`; dedupe on it if your handler is not idempotent.
      await options.onResolved(event);
    },
  });
  return consumer;
}
