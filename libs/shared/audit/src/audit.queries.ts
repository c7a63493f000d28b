import type { Condition, Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import { AUDIT_COLLECTION, toRecordedEvent, type AuditEntry } from './audit.projection';
import type { RecordedEvent } from '@ebp/shared-eventsourcing';

export interface AuditFilter {
  streamId?: string;
  actorId?: string;
  from?: string;
  to?: string;
  skip?: number;
  limit?: number;
}

export class AuditQueries {
  constructor(private readonly store: ReadModelStore) {}

  search(filter: AuditFilter): Promise<Page<AuditEntry>> {
    const where: Record<string, Condition> = {};
    if (filter.streamId) where['streamId'] = filter.streamId;
    if (filter.actorId) where['actorId'] = filter.actorId;
    const range: { $gte?: number; $lte?: number } = {};
    if (filter.from) range.$gte = Date.parse(filter.from);
    if (filter.to) range.$lte = Date.parse(filter.to);
    if (range.$gte !== undefined || range.$lte !== undefined) where['recordedAtMs'] = range;
    return this.store.find<AuditEntry>(AUDIT_COLLECTION, {
      where,
      sort: [{ field: 'position', direction: 'asc' }],
      skip: filter.skip ?? 0,
      limit: Math.min(filter.limit ?? 100, 1000),
    });
  }

  /** Every event of one entity recorded at or before `asOf`, in stream order. */
  async historyOf(streamId: string, asOf?: string): Promise<RecordedEvent[]> {
    const where: Record<string, Condition> = { streamId };
    if (asOf) where['recordedAtMs'] = { $lte: Date.parse(asOf) };
    const page = await this.store.find<AuditEntry>(AUDIT_COLLECTION, {
      where,
      sort: [{ field: 'revision', direction: 'asc' }],
    });
    return page.items.map(toRecordedEvent);
  }
}
