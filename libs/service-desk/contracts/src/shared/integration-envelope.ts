import { integrationEnvelope, type IntegrationEvent, type RecordedEvent } from '@ebp/shared-eventsourcing';

/** The producing context of every service-desk integration event. */
export const SERVICE_DESK_SOURCE = 'service-desk' as const;

/**
 * The core integration envelope (docs/architecture.md, "Domain events and integration events")
 * with the service desk as its source. Versioned: a breaking change ships as `.v2` beside `.v1`.
 */
export type ServiceDeskIntegrationEventEnvelope<T extends string, D> = IntegrationEvent<T, D> & { source: 'service-desk' };

/** Wraps a published payload in the envelope, taking every envelope field from the source event's metadata. */
export function serviceDeskEnvelope<T extends string, D>(type: T, event: RecordedEvent, subject: string, data: D): ServiceDeskIntegrationEventEnvelope<T, D> {
  return integrationEnvelope(SERVICE_DESK_SOURCE, type, event, subject, data);
}
