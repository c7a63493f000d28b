import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { addDays, addMonths, firstDayOf, inForce, isCalendarDate, optionalText, requireText, shanghaiMonth } from '@ebp/shared-kernel';
import { eventIdOf, type MaybeRecorded } from '../shared/event-id';
import { DEFAULT_HR_POLICIES, type HrPolicies } from '../shared/hr.policy';
import type { EmployeeCommand, EmployeeDetails } from './employee.commands';
import type { EmployeeEvent } from './employee.events';

const RULE = 'HR-1';

export interface SalaryVersion {
  effectiveFrom: string;
  baseSalaryFen: number;
  /** The EmployeeHired / BaseSalaryChanged event that set it (null while deciding). */
  eventId: string | null;
}

/** HR-1: the employment record as HR keeps it (the service desk's directory follows it, docs/rules/hr-attendance.md). */
export interface Employee {
  status: 'employed';
  staffId: string;
  name: string;
  position: string;
  department: string;
  managerId: string | null;
  hireDate: string;
  probationEnds: string;
  /** Last day of employment once recorded (it may lie ahead). */
  leavingDate: string | null;
  leavingReason: string | null;
  /** Ascending by `effectiveFrom`; the first starts on the hire date. */
  salary: SalaryVersion[];
}

export type EmployeeState = { status: 'none' } | Employee;

export const initialEmployeeState = (): EmployeeState => ({ status: 'none' });

/** Employed on a calendar date: hired on or before it and not yet past the leaving date. */
export function employedOn(employee: Pick<Employee, 'hireDate' | 'leavingDate'>, date: string): boolean {
  return employee.hireDate <= date && (employee.leavingDate === null || date <= employee.leavingDate);
}

/** The monthly base in force on a date (the first version before the hire date). */
export function baseSalaryOn(employee: Pick<Employee, 'salary'>, date: string): number {
  let current = employee.salary[0];
  for (const version of employee.salary) if (version.effectiveFrom <= date) current = version;
  return current.baseSalaryFen;
}

export function onProbation(employee: Pick<Employee, 'hireDate' | 'probationEnds'>, date: string): boolean {
  return employee.hireDate <= date && date <= employee.probationEnds;
}

/**
 * HR-1: probation is the first N months after hire, ending the day before the same date N months
 * on: hired 2026-03-10 → on probation through 2026-06-09. Where that month has no such date the
 * probation runs to its last day (hired 2026-01-31 → through 2026-04-30, not 04-29).
 */
export function probationEndsFor(hireDate: string, policies: HrPolicies = DEFAULT_HR_POLICIES): string {
  const sameDateLater = addMonths(hireDate, inForce(policies.probation, hireDate).months);
  // addMonths clamps a missing date (04-31) to the month's last day, which is then the probation's last day.
  return sameDateLater.slice(8) === hireDate.slice(8) ? addDays(sameDateLater, -1) : sameDateLater;
}

function requireDate(value: string, field: string, rule = RULE): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new DomainError(rule, `${field} must be a calendar date YYYY-MM-DD`, 'invalid', field);
  return value;
}

function requireSalary(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new DomainError(RULE, 'baseSalaryFen must be a positive whole number of fen', 'invalid', 'baseSalaryFen');
  }
  return value;
}

function details(data: EmployeeDetails & { staffId: string }) {
  const managerId = optionalText(data.managerId, 'managerId', RULE);
  if (managerId === data.staffId) throw new DomainError(RULE, 'a staff member cannot be their own manager', 'invalid', 'managerId');
  return {
    name: requireText(data.name, 'name', RULE),
    position: requireText(data.position, 'position', RULE),
    department: requireText(data.department, 'department', RULE),
    managerId,
  };
}

function existing(state: EmployeeState, staffId: string): Employee {
  if (state.status === 'none' || state.staffId !== staffId) throw new DomainError(RULE, `staff member ${staffId} has no employment record`, 'not-found', 'staffId');
  return state;
}

export function decideEmployee(command: EmployeeCommand, state: EmployeeState, policies: HrPolicies = DEFAULT_HR_POLICIES): EmployeeEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'HireEmployee': {
      const staffId = requireText(command.data.staffId, 'staffId', RULE);
      if (state.status !== 'none') throw new DomainError(RULE, `staff member ${staffId} already has an employment record`, 'conflict', 'staffId');
      const hireDate = requireDate(command.data.hireDate, 'hireDate');
      return [
        {
          type: 'EmployeeHired',
          data: {
            staffId,
            ...details(command.data),
            baseSalaryFen: requireSalary(command.data.baseSalaryFen),
            hireDate,
            probationEnds: probationEndsFor(hireDate, policies),
            hiredBy: command.data.by,
            hiredAt: now,
          },
        },
      ];
    }
    case 'ChangeEmployeeDetails': {
      const employee = existing(state, command.data.staffId);
      const d = details(command.data);
      const same = d.name === employee.name && d.position === employee.position && d.department === employee.department && d.managerId === employee.managerId;
      return same ? [] : [{ type: 'EmployeeDetailsChanged', data: { staffId: employee.staffId, ...d, changedBy: command.data.by, changedAt: now } }];
    }
    case 'ChangeBaseSalary': {
      const employee = existing(state, command.data.staffId);
      const effectiveFrom = requireDate(command.data.effectiveFrom, 'effectiveFrom');
      // HR-6: a closed payslip is never edited, so a new base cannot reach back before the current month.
      const currentMonthStart = firstDayOf(shanghaiMonth(now));
      if (effectiveFrom < currentMonthStart) {
        throw new DomainError('HR-6', `a salary change takes effect from ${currentMonthStart} at the earliest; pay for earlier months is settled by a bonus line`, 'rule', 'effectiveFrom');
      }
      if (effectiveFrom < employee.hireDate) throw new DomainError(RULE, `effectiveFrom ${effectiveFrom} is before the hire date ${employee.hireDate}`, 'rule', 'effectiveFrom');
      const baseSalaryFen = requireSalary(command.data.baseSalaryFen);
      if (baseSalaryOn(employee, effectiveFrom) === baseSalaryFen && employee.salary.some((v) => v.effectiveFrom === effectiveFrom)) return [];
      return [
        {
          type: 'BaseSalaryChanged',
          data: { staffId: employee.staffId, baseSalaryFen, effectiveFrom, reason: requireText(command.data.reason, 'reason', RULE), changedBy: command.data.by, changedAt: now },
        },
      ];
    }
    case 'RecordLeaving': {
      const employee = existing(state, command.data.staffId);
      const leavingDate = requireDate(command.data.leavingDate, 'leavingDate');
      if (leavingDate < employee.hireDate) throw new DomainError(RULE, `leavingDate ${leavingDate} is before the hire date ${employee.hireDate}`, 'rule', 'leavingDate');
      if (employee.leavingDate !== null) {
        if (employee.leavingDate === leavingDate) return [];
        throw new DomainError(RULE, `staff member ${employee.staffId} already leaves on ${employee.leavingDate}`, 'conflict', 'leavingDate');
      }
      if (leavingDate < firstDayOf(shanghaiMonth(now))) {
        throw new DomainError('HR-6', `a leaving date before ${firstDayOf(shanghaiMonth(now))} would edit a past month's pay`, 'rule', 'leavingDate');
      }
      return [
        {
          type: 'EmployeeLeft',
          data: { staffId: employee.staffId, leavingDate, reason: optionalText(command.data.reason, 'reason', RULE), recordedBy: command.data.by, recordedAt: now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolveEmployee(state: EmployeeState, event: MaybeRecorded<EmployeeEvent>): EmployeeState {
  switch (event.type) {
    case 'EmployeeHired': {
      const d = event.data;
      return {
        status: 'employed',
        staffId: d.staffId,
        name: d.name,
        position: d.position,
        department: d.department,
        managerId: d.managerId,
        hireDate: d.hireDate,
        probationEnds: d.probationEnds,
        leavingDate: null,
        leavingReason: null,
        salary: [{ effectiveFrom: d.hireDate, baseSalaryFen: d.baseSalaryFen, eventId: eventIdOf(event) }],
      };
    }
    case 'EmployeeDetailsChanged': {
      if (state.status === 'none') return state;
      const { name, position, department, managerId } = event.data;
      return { ...state, name, position, department, managerId };
    }
    case 'BaseSalaryChanged': {
      if (state.status === 'none') return state;
      const { effectiveFrom, baseSalaryFen } = event.data;
      const salary = [...state.salary.filter((v) => v.effectiveFrom !== effectiveFrom), { effectiveFrom, baseSalaryFen, eventId: eventIdOf(event) }].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      return { ...state, salary };
    }
    case 'EmployeeLeft':
      if (state.status === 'none') return state;
      return { ...state, leavingDate: event.data.leavingDate, leavingReason: event.data.reason };
    default:
      return assertNever(event);
  }
}

export const employeeDecider: Decider<EmployeeState, EmployeeCommand, EmployeeEvent> = {
  initialState: initialEmployeeState,
  decide: (command, state) => decideEmployee(command, state),
  evolve: evolveEmployee,
};
