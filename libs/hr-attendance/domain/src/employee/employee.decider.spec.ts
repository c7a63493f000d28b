import { fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { MaybeRecorded } from '../shared/event-id';
import { DEFAULT_HR_POLICIES, type HrPolicies } from '../shared/hr.policy';
import type { ChangeBaseSalary, ChangeEmployeeDetails, HireEmployee, RecordLeaving } from './employee.commands';
import { baseSalaryOn, employedOn, employeeDecider, onProbation, probationEndsFor, type Employee } from './employee.decider';
import type { BaseSalaryChanged, EmployeeEvent, EmployeeHired, EmployeeLeft } from './employee.events';

const spec = DeciderSpecification.for(employeeDecider);

const HIRED_AT = '2026-03-10T09:00:00+08:00';
const MID_MARCH = '2026-03-20T10:00:00+08:00';

const details = { name: 'Li Na', position: 'customer service agent', department: 'customer-service', managerId: 'mgr-wang' };

// Builders: commands
const hire = (data: Partial<HireEmployee['data']> = {}, now = HIRED_AT): HireEmployee => ({
  type: 'HireEmployee',
  data: { staffId: 'cs-li', ...details, baseSalaryFen: 600_000, hireDate: '2026-03-10', by: 'hr-zhao', ...data },
  metadata: { now },
});
const changeDetails = (data: Partial<ChangeEmployeeDetails['data']> = {}): ChangeEmployeeDetails => ({
  type: 'ChangeEmployeeDetails',
  data: { staffId: 'cs-li', ...details, by: 'hr-zhao', ...data },
  metadata: { now: MID_MARCH },
});
const changeSalary = (effectiveFrom: string, baseSalaryFen = 650_000, now = MID_MARCH): ChangeBaseSalary => ({
  type: 'ChangeBaseSalary',
  data: { staffId: 'cs-li', baseSalaryFen, effectiveFrom, reason: 'passed probation review', by: 'hr-zhao' },
  metadata: { now },
});
const recordLeaving = (leavingDate: string, now = MID_MARCH): RecordLeaving => ({
  type: 'RecordLeaving',
  data: { staffId: 'cs-li', leavingDate, reason: 'moved to another city', by: 'hr-zhao' },
  metadata: { now },
});

// Builders: events
const hired = (data: Partial<EmployeeHired['data']> = {}): EmployeeHired => ({
  type: 'EmployeeHired',
  data: { staffId: 'cs-li', ...details, baseSalaryFen: 600_000, hireDate: '2026-03-10', probationEnds: '2026-06-09', hiredBy: 'hr-zhao', hiredAt: HIRED_AT, ...data },
});
const salaryChanged = (effectiveFrom: string, baseSalaryFen = 650_000): BaseSalaryChanged => ({
  type: 'BaseSalaryChanged',
  data: { staffId: 'cs-li', baseSalaryFen, effectiveFrom, reason: 'passed probation review', changedBy: 'hr-zhao', changedAt: MID_MARCH },
});
const left = (leavingDate: string): EmployeeLeft => ({
  type: 'EmployeeLeft',
  data: { staffId: 'cs-li', leavingDate, reason: 'moved to another city', recordedBy: 'hr-zhao', recordedAt: MID_MARCH },
});
const recorded = <E extends EmployeeEvent>(eventId: string, event: E): MaybeRecorded<E> => ({ ...event, metadata: { eventId } });
const employeeOf = (events: MaybeRecorded<EmployeeEvent>[]): Employee => fold(employeeDecider, events) as Employee;

describe('employee decider', () => {
  describe('hiring', () => {
    it('HR-1 hires a staff member with base salary, position and a probation of the first 3 months', () => {
      const state = spec.when(hire()).then([hired()]);
      expect(state).toMatchObject({
        status: 'employed',
        hireDate: '2026-03-10',
        probationEnds: '2026-06-09',
        position: 'customer service agent',
        leavingDate: null,
        salary: [{ effectiveFrom: '2026-03-10', baseSalaryFen: 600_000, eventId: null }],
      });
    });

    it('HR-1 probation ends the day before the same date three months on (clamped at month ends)', () => {
      expect(probationEndsFor('2026-03-10')).toBe('2026-06-09');
      expect(probationEndsFor('2026-01-01')).toBe('2026-03-31');
      expect(probationEndsFor('2026-11-15')).toBe('2027-02-14');
    });

    it('HR-1 where the month three months on lacks the hire date, probation runs to that month’s last day', () => {
      expect(probationEndsFor('2026-01-30')).toBe('2026-04-29');
      expect(probationEndsFor('2026-01-31')).toBe('2026-04-30');
      expect(probationEndsFor('2026-11-28')).toBe('2027-02-27');
      expect(probationEndsFor('2026-11-30')).toBe('2027-02-28');
      expect(probationEndsFor('2027-11-30')).toBe('2028-02-29');
    });

    it('HR-1 probation length comes from the policy in force on the hire date', () => {
      const policies: HrPolicies = {
        ...DEFAULT_HR_POLICIES,
        probation: [
          { effectiveFrom: '2000-01-01', value: { months: 3 } },
          { effectiveFrom: '2026-06-01', value: { months: 6 } },
        ],
      };
      expect(probationEndsFor('2026-05-31', policies)).toBe('2026-08-30');
      expect(probationEndsFor('2026-06-01', policies)).toBe('2026-11-30');
    });

    it('HR-1 a staff member is on probation from the hire date through its last day only', () => {
      const employee = employeeOf([hired()]);
      expect(onProbation(employee, '2026-03-09')).toBe(false);
      expect(onProbation(employee, '2026-03-10')).toBe(true);
      expect(onProbation(employee, '2026-06-09')).toBe(true);
      expect(onProbation(employee, '2026-06-10')).toBe(false);
    });

    it('HR-1 refuses hiring the same staff member twice', () => {
      expect(spec.given([hired()]).when(hire()).thenThrows('HR-1').kind).toBe('conflict');
    });

    it.each([
      ['hireDate', { hireDate: '2026-02-30' }],
      ['baseSalaryFen', { baseSalaryFen: 0 }],
      ['baseSalaryFen', { baseSalaryFen: 1234.5 }],
      ['name', { name: '  ' }],
      ['position', { position: '' }],
      ['managerId', { managerId: 'cs-li' }],
    ] as const)('HR-1 refuses a hire with an invalid %s (%j)', (field, data) => {
      expect(spec.when(hire(data)).thenThrows('HR-1')).toMatchObject({ kind: 'invalid', field });
    });
  });

  describe('details', () => {
    it('HR-1 changes position and manager; an unchanged record records nothing', () => {
      const state = spec
        .given([hired()])
        .when(changeDetails({ position: 'senior agent', managerId: 'mgr-sun' }))
        .then([
          {
            type: 'EmployeeDetailsChanged',
            data: { staffId: 'cs-li', ...details, position: 'senior agent', managerId: 'mgr-sun', changedBy: 'hr-zhao', changedAt: MID_MARCH },
          },
        ]);
      expect(state).toMatchObject({ position: 'senior agent', managerId: 'mgr-sun' });
      spec.given([hired()]).when(changeDetails()).then([]);
    });

    it('HR-1 refuses changing a staff member without a record', () => {
      expect(spec.when(changeDetails()).thenThrows('HR-1').kind).toBe('not-found');
    });
  });

  describe('salary', () => {
    it('HR-1 a new base salary applies from its date on; earlier days keep the old base', () => {
      const state = spec.given([hired()]).when(changeSalary('2026-04-01')).then([salaryChanged('2026-04-01')]);
      const employee = state as Employee;
      expect(baseSalaryOn(employee, '2026-03-31')).toBe(600_000);
      expect(baseSalaryOn(employee, '2026-04-01')).toBe(650_000);
      expect(baseSalaryOn(employee, '2026-12-31')).toBe(650_000);
    });

    it('HR-1 a change from a day of the current month is accepted', () => {
      spec.given([hired()]).when(changeSalary('2026-03-16')).then([salaryChanged('2026-03-16')]);
    });

    it('HR-6 refuses a salary change back-dated into a month before the current one (its pay is settled)', () => {
      const error = spec.given([hired({ hireDate: '2026-01-05', probationEnds: '2026-04-04' })]).when(changeSalary('2026-02-01')).thenThrows('HR-6');
      expect(error).toMatchObject({ kind: 'rule', field: 'effectiveFrom' });
    });

    it('HR-1 refuses a salary change from before the hire date', () => {
      const error = spec.given([hired()]).when(changeSalary('2026-03-05', 650_000, '2026-03-12T10:00:00+08:00')).thenThrows('HR-1');
      expect(error).toMatchObject({ kind: 'rule', field: 'effectiveFrom' });
    });

    it('HR-1 repeating the same change records nothing', () => {
      spec.given([hired(), salaryChanged('2026-04-01')]).when(changeSalary('2026-04-01')).then([]);
    });

    it('HR-1 refuses a base salary that is not a positive whole number of fen', () => {
      expect(spec.given([hired()]).when(changeSalary('2026-04-01', -1)).thenThrows('HR-1').field).toBe('baseSalaryFen');
    });

    it('HR-6 each salary version keeps the id of the event that set it', () => {
      const employee = employeeOf([recorded('ev-hire', hired()), recorded('ev-raise', salaryChanged('2026-04-01'))]);
      expect(employee.salary).toEqual([
        { effectiveFrom: '2026-03-10', baseSalaryFen: 600_000, eventId: 'ev-hire' },
        { effectiveFrom: '2026-04-01', baseSalaryFen: 650_000, eventId: 'ev-raise' },
      ]);
    });
  });

  describe('leaving', () => {
    it('HR-1 records the last day of employment: employed through it, not after', () => {
      const state = spec.given([hired()]).when(recordLeaving('2026-04-30')).then([left('2026-04-30')]);
      const employee = state as Employee;
      expect(employee.leavingDate).toBe('2026-04-30');
      expect(employedOn(employee, '2026-03-09')).toBe(false);
      expect(employedOn(employee, '2026-03-10')).toBe(true);
      expect(employedOn(employee, '2026-04-30')).toBe(true);
      expect(employedOn(employee, '2026-05-01')).toBe(false);
    });

    it('HR-1 recording the same leaving date again records nothing; another date is a conflict', () => {
      spec.given([hired(), left('2026-04-30')]).when(recordLeaving('2026-04-30')).then([]);
      expect(spec.given([hired(), left('2026-04-30')]).when(recordLeaving('2026-05-15')).thenThrows('HR-1').kind).toBe('conflict');
    });

    it('HR-1 refuses a leaving date before the hire date', () => {
      expect(spec.given([hired()]).when(recordLeaving('2026-03-09')).thenThrows('HR-1').field).toBe('leavingDate');
    });

    it('HR-6 refuses a leaving date in a month before the current one', () => {
      const error = spec.given([hired({ hireDate: '2026-01-05', probationEnds: '2026-04-04' })]).when(recordLeaving('2026-02-27')).thenThrows('HR-6');
      expect(error.kind).toBe('rule');
    });
  });
});
