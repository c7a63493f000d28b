import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import type { Employee } from '@ebp/hr-attendance-domain';
import { HrAccess, type HrReader } from '../shared/access';
import { requireStaffId } from '../shared/params';
import { HrEmployeeQueries } from './employees.queries';

/** HR-1 employment records as people may read them: salaries are personal data. */
export class HrEmployeeReadQueries {
  private readonly employees: HrEmployeeQueries;
  private readonly access: HrAccess;

  constructor(store: ReadModelStore) {
    this.employees = new HrEmployeeQueries(store);
    this.access = new HrAccess(this.employees);
  }

  /** hr-manager: everyone (or one department); a manager: their direct reports. By staff id. */
  async list(reader: HrReader, filter: { department?: string; skip: number; limit: number }): Promise<{ total: number; items: Employee[] }> {
    const scope = await this.access.scope(reader, 'HR-1', 'employment records', { self: false });
    const all = scope.all ? await this.employees.all(filter.department) : await this.access.records(scope.staffIds);
    const matching = all.filter((e) => filter.department === undefined || e.department === filter.department);
    return { total: matching.length, items: matching.slice(filter.skip, filter.skip + filter.limit) };
  }

  /** One record: the person, their manager, hr-manager. */
  async one(reader: HrReader, staffId: string): Promise<Employee> {
    requireStaffId(staffId, 'HR-1');
    const employee = await this.access.person(reader, staffId, 'HR-1', 'the employment record');
    if (!employee) throw new DomainError('HR-1', `staff member ${staffId} has no employment record`, 'not-found', 'staffId');
    return employee;
  }
}
