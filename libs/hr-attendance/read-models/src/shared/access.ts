import { DomainError, type Actor } from '@ebp/shared-eventsourcing';
import { employedOn, workingDaysOf, type Employee } from '@ebp/hr-attendance-domain';
import type { HrEmployeeQueries } from '../employees/employees.queries';

export const HR_MANAGER_ROLE = 'hr-manager';
export const FINANCE_ROLE = 'finance';

/** Who asks: the token's subject is their staff id. */
export type HrReader = Pick<Actor, 'userId' | 'roles'>;

export const isHrManager = (reader: HrReader): boolean => reader.roles.includes(HR_MANAGER_ROLE);

/** Whose records a list may show: everyone (hr-manager) or the listed staff ids. */
export type HrScope = { all: true } | { all: false; staffIds: string[] };

export const inScope = (scope: HrScope, staffId: string): boolean => scope.all || scope.staffIds.includes(staffId);

/** Employed on at least one working day of the month (who has a payslip and an attendance record that month). */
export function employedInMonth(employee: Pick<Employee, 'hireDate' | 'leavingDate'>, month: string): boolean {
  return workingDaysOf(month).some((date) => employedOn(employee, date));
}

/**
 * The brief's access rules (docs/rules/hr-attendance.md): a staff member reads their own records,
 * a manager (the `managerId` on a record) their direct reports', hr-manager everyone's. Salaries and
 * payslips are personal data: nobody else reads them. Refusals are 403s naming the rule.
 */
export class HrAccess {
  constructor(private readonly employees: HrEmployeeQueries) {}

  /** The person, their manager or hr-manager; the record (null when there is none: only the person or HR get that far). */
  async person(reader: HrReader, staffId: string, rule: string, what: string): Promise<Employee | null> {
    const employee = await this.employees.employee(staffId);
    if (isHrManager(reader) || reader.userId === staffId) return employee;
    if (employee && employee.managerId === reader.userId) return employee;
    throw new DomainError(rule, `only ${staffId}, their manager or hr-manager may read ${what}`, 'forbidden');
  }

  /**
   * hr-manager: everyone; a manager: their direct reports (and themselves with `self`); anyone
   * else: themselves with `self`, or refused.
   */
  async scope(reader: HrReader, rule: string, what: string, options: { self: boolean }): Promise<HrScope> {
    if (isHrManager(reader)) return { all: true };
    const team = await this.employees.team(reader.userId);
    const staffIds = [...(options.self ? [reader.userId] : []), ...team.map((e) => e.staffId)];
    if (staffIds.length === 0) throw new DomainError(rule, `only hr-manager, or a manager for their team, may read ${what}`, 'forbidden');
    return { all: false, staffIds };
  }

  /** The employment records a month view covers: everyone employed in the month within the scope, by staff id. */
  async employedIn(scope: HrScope, month: string, department?: string): Promise<Employee[]> {
    const employed = scope.all ? await this.employees.employedIn(month) : (await this.records(scope.staffIds)).filter((e) => employedInMonth(e, month));
    return employed.filter((e) => department === undefined || e.department === department);
  }

  async records(staffIds: string[]): Promise<Employee[]> {
    return this.employees.many(staffIds);
  }

  /** Only the listed roles (hr-manager, and finance for the payroll register). */
  requireRole(reader: HrReader, roles: readonly string[], rule: string, what: string): void {
    if (!roles.some((role) => reader.roles.includes(role))) throw new DomainError(rule, `only ${roles.join(' or ')} may read ${what}`, 'forbidden');
  }
}
