import type { Condition, ReadModelStore } from '@ebp/shared-eventsourcing';
import { employedOn, workingDaysOf, type Employee } from '@ebp/hr-attendance-domain';
import { firstDayOf, lastDayOf } from '@ebp/shared-kernel';
import { EMPLOYEES_COLLECTION } from './employees.projection';

// A company's whole staff fits in one read; HR's views are per person, team or month.
const ALL = 100_000;

/** Employment records as the command side (the payroll close) and the other HR views look them up. */
export class HrEmployeeQueries {
  constructor(private readonly store: ReadModelStore) {}

  async employee(staffId: string): Promise<Employee | null> {
    return (await this.store.get<Employee>(EMPLOYEES_COLLECTION, staffId))?.doc ?? null;
  }

  /** Several records at once, by staff id (ids without a record are left out). */
  async many(staffIds: string[]): Promise<Employee[]> {
    const found = await this.store.getMany<Employee>(EMPLOYEES_COLLECTION, [...new Set(staffIds)]);
    return [...found.values()].map((s) => s.doc).sort((a, b) => a.staffId.localeCompare(b.staffId));
  }

  async all(department?: string): Promise<Employee[]> {
    const where: Record<string, Condition> = department ? { department } : {};
    return (await this.store.find<Employee>(EMPLOYEES_COLLECTION, { where, sort: [{ field: 'staffId', direction: 'asc' }], limit: ALL })).items;
  }

  /** Direct reports of a manager. */
  async team(managerId: string): Promise<Employee[]> {
    return (await this.store.find<Employee>(EMPLOYEES_COLLECTION, { where: { managerId }, sort: [{ field: 'staffId', direction: 'asc' }], limit: ALL })).items;
  }

  /** HR-6: everyone employed on at least one working day of the month (the payroll close issues them a payslip). */
  async employedIn(month: string): Promise<Employee[]> {
    const hiredBy = await this.store.find<Employee>(EMPLOYEES_COLLECTION, {
      where: { hireDate: { $lte: lastDayOf(month) } },
      sort: [{ field: 'staffId', direction: 'asc' }],
      limit: ALL,
    });
    const working = workingDaysOf(month);
    return hiredBy.items.filter((e) => (e.leavingDate === null || e.leavingDate >= firstDayOf(month)) && working.some((d) => employedOn(e, d)));
  }
}
