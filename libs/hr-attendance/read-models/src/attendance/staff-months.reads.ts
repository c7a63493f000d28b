import type { Condition, ReadModelStore } from '@ebp/shared-eventsourcing';
import { initialStaffMonthState, type StaffMonthState } from '@ebp/hr-attendance-domain';
import { STAFF_MONTHS_COLLECTION, staffMonthDocId } from './staff-month.projection';

// A month holds one document per staff member; a person's history one per month.
const ALL = 100_000;

/** Staff-month documents by scalar fields only (FerretDB), arrays read in memory. */
export class StaffMonthReads {
  constructor(private readonly store: ReadModelStore) {}

  /** The month as it stands; a month without any fact yet is the initial state. */
  async get(month: string, staffId: string): Promise<StaffMonthState> {
    return (await this.store.get<StaffMonthState>(STAFF_MONTHS_COLLECTION, staffMonthDocId(month, staffId)))?.doc ?? initialStaffMonthState();
  }

  /** Every staff month of a month, by staff id. */
  async ofMonth(month: string): Promise<Map<string, StaffMonthState>> {
    const found = await this.store.find<StaffMonthState>(STAFF_MONTHS_COLLECTION, { where: { month }, sort: [{ field: 'staffId', direction: 'asc' }], limit: ALL });
    return new Map(found.items.map((s) => [s.staffId!, s]));
  }

  /** One person's months (optionally from a month on, or one month), oldest first. */
  async ofStaff(staffId: string, options: { month?: string; after?: string } = {}): Promise<StaffMonthState[]> {
    const where: Record<string, Condition> = { staffId };
    if (options.month) where['month'] = options.month;
    else if (options.after) where['month'] = { $gt: options.after };
    return (await this.store.find<StaffMonthState>(STAFF_MONTHS_COLLECTION, { where, sort: [{ field: 'month', direction: 'asc' }], limit: ALL })).items;
  }

  /** The months of several people (one month, or all), by staff id then month. */
  async ofStaffIds(staffIds: string[], month?: string): Promise<StaffMonthState[]> {
    if (staffIds.length === 0) return [];
    const where: Record<string, Condition> = { staffId: { $in: staffIds } };
    if (month) where['month'] = month;
    const sort = [
      { field: 'staffId', direction: 'asc' as const },
      { field: 'month', direction: 'asc' as const },
    ];
    return (await this.store.find<StaffMonthState>(STAFF_MONTHS_COLLECTION, { where, sort, limit: ALL })).items;
  }
}
