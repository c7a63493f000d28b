import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';

export const AUDIT_COLLECTION = 'audit_trail';

/** One audit entry per event: who did what to which entity, when. */
export interface AuditEntry {
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  data: unknown;
  actorId: string;
  actorRoles: string[];
  occurredAt: string;
  recordedAt: string;
  /** Epoch milliseconds of recordedAt, so time ranges compare as numbers in every store. */
  recordedAtMs: number;
  correlationId: string;
  causationId: string | null;
  schemaVersion: number;
}

export const auditProjection: Projection<AuditEntry> = {
  name: 'audit-trail',
  collection: AUDIT_COLLECTION,
  indexes: ['streamId', 'actorId', 'recordedAtMs'],
  documentId: (event) => event.metadata.eventId,
  evolve: (_doc, event) => toAuditEntry(event),
};

export function toAuditEntry(event: RecordedEvent): AuditEntry {
  const m = event.metadata;
  return {
    eventId: m.eventId,
    streamId: m.streamId,
    revision: m.revision,
    position: m.position,
    type: event.type,
    data: event.data,
    actorId: m.actor.userId,
    actorRoles: m.actor.roles,
    occurredAt: m.occurredAt,
    recordedAt: m.recordedAt,
    recordedAtMs: Date.parse(m.recordedAt),
    correlationId: m.correlationId,
    causationId: m.causationId,
    schemaVersion: m.schemaVersion,
  };
}

/** Turns an audit entry back into the event it recorded, for time travel. */
export function toRecordedEvent(entry: AuditEntry): RecordedEvent {
  return {
    type: entry.type,
    data: entry.data,
    metadata: {
      eventId: entry.eventId,
      streamId: entry.streamId,
      revision: entry.revision,
      position: entry.position,
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      actor: { userId: entry.actorId, roles: entry.actorRoles },
      correlationId: entry.correlationId,
      causationId: entry.causationId,
      schemaVersion: entry.schemaVersion,
    },
  };
}
