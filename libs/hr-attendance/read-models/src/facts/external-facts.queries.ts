import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { HrEmployeeQueries } from '../employees/employees.queries';
import { HR_MANAGER_ROLE, HrAccess, type HrReader } from '../shared/access';
import { requireMonth } from '../shared/params';
import { EXTERNAL_FACTS_COLLECTION, type ExternalFactView, type ExternalFactsDoc } from './external-facts.projection';

// Staff ids the service desk named but HR never hired: a short list, read whole and paged in memory.
const ALL = 100_000;

/** HR-4 / HR-7: facts from the service desk about staff ids without an employment record (hr-manager only). */
export class HrExternalFactQueries {
  private readonly access: HrAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new HrAccess(new HrEmployeeQueries(store));
  }

  /** Oldest first; `month` narrows to the staff month the fact was recorded on. */
  async unmatched(reader: HrReader, filter: { month?: string; skip: number; limit: number }): Promise<{ total: number; items: ExternalFactView[] }> {
    this.access.requireRole(reader, [HR_MANAGER_ROLE], 'HR-4', 'unmatched service-desk facts');
    if (filter.month !== undefined) requireMonth(filter.month, 'HR-4');
    const docs = await this.store.find<ExternalFactsDoc>(EXTERNAL_FACTS_COLLECTION, {
      where: { hasEmploymentRecord: false },
      sort: [{ field: 'staffId', direction: 'asc' }],
      limit: ALL,
    });
    const facts = docs.items
      .flatMap((d) => d.facts)
      .filter((f) => filter.month === undefined || f.month === filter.month)
      .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt) || a.eventId.localeCompare(b.eventId));
    return { total: facts.length, items: facts.slice(filter.skip, filter.skip + filter.limit) };
  }
}
