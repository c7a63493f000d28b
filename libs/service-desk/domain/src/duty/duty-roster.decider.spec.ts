import { CALENDAR_COVERAGE } from '@ebp/shared-kernel';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { AssignHolidayDuty, LogMonitoringCheck, RemoveHolidayDuty } from './duty-roster.commands';
import { dutyRosterDecider } from './duty-roster.decider';
import type { HolidayDutyAssigned, MonitoringCheckLogged } from './duty-roster.events';

const NOW = '2026-02-10T09:00:00+08:00';
const LI = { staffId: 'cs-li', department: 'customer-service', roles: ['customer-service'] };

const assign = (date: string, staff = LI): AssignHolidayDuty => ({
  type: 'AssignHolidayDuty',
  data: { date, staff, assignedBy: 'cs-manager' },
  metadata: { now: NOW },
});

const assigned = (date: string, staffId = 'cs-li', holiday = 'Spring Festival'): HolidayDutyAssigned => ({
  type: 'HolidayDutyAssigned',
  data: { year: 2026, date, holiday, staffId, assignedBy: 'cs-manager', assignedAt: NOW },
});

const remove = (date: string, staffId = 'cs-li'): RemoveHolidayDuty => ({
  type: 'RemoveHolidayDuty',
  data: { date, staffId, removedBy: 'cs-manager' },
  metadata: { now: NOW },
});

const CHECK_AT = '2026-02-17T10:00:00+08:00';
const check = (data: Partial<LogMonitoringCheck['data']> = {}, now = CHECK_AT): LogMonitoringCheck => ({
  type: 'LogMonitoringCheck',
  data: { checkId: 'chk-1', date: '2026-02-17', customerId: 'c-hz-water', target: 'https://water.example.cn', outcome: 'ok', checkedBy: 'cs-li', ...data },
  metadata: { now },
});

const logged = (data: Partial<MonitoringCheckLogged['data']> = {}): MonitoringCheckLogged => ({
  type: 'MonitoringCheckLogged',
  data: {
    year: 2026,
    checkId: 'chk-1',
    date: '2026-02-17',
    customerId: 'c-hz-water',
    target: 'https://water.example.cn',
    outcome: 'ok',
    description: null,
    checkedBy: 'cs-li',
    checkedAt: CHECK_AT,
    ...data,
  },
});

describe('holiday duty roster decider', () => {
  const spec = DeciderSpecification.for(dutyRosterDecider);

  it('SD-15 refuses duty on a date the official calendar does not cover, naming the date field', () => {
    const refusal = spec.when(assign(`${CALENDAR_COVERAGE.lastYear + 1}-01-01`)).thenThrows('SD-15');
    expect(refusal.kind).toBe('rule');
    expect(refusal.field).toBe('date');
    expect(refusal.message).toContain(CALENDAR_COVERAGE.to);
  });

  it('SD-15 assigns customer service staff to a statutory holiday day', () => {
    spec.when(assign('2026-02-17')).then([assigned('2026-02-17')]);
    spec.when(assign('2026-10-01')).then([assigned('2026-10-01', 'cs-li', 'National Day')]);
  });

  it('SD-15 refuses duty on a day that is not a statutory holiday (the 14 Feb make-up workday, a plain Sunday)', () => {
    expect(spec.when(assign('2026-02-14')).thenThrows('SD-15').field).toBe('date');
    spec.when(assign('2026-02-01')).thenThrows('SD-15');
  });

  it('SD-15 refuses staff outside customer service and double assignment', () => {
    expect(spec.when(assign('2026-02-17', { staffId: 'ts-wang', department: 'technical-service', roles: ['technical-service'] })).thenThrows('SD-15').field).toBe('staffId');
    expect(spec.given([assigned('2026-02-17')]).when(assign('2026-02-17')).thenThrows('SD-15').kind).toBe('conflict');
  });

  it('SD-15 refuses a date of another year on this roster and a malformed date', () => {
    spec.given([assigned('2026-02-17')]).when(assign('2027-01-01')).thenThrows('SD-15');
    spec.when(assign('2026-02-30')).thenThrows('SD-15');
  });

  it('SD-15 removes an assignment; removing one that does not exist is refused', () => {
    spec.given([assigned('2026-02-17')]).when(remove('2026-02-17')).then([
      { type: 'HolidayDutyRemoved', data: { year: 2026, date: '2026-02-17', staffId: 'cs-li', removedBy: 'cs-manager', removedAt: NOW } },
    ]);
    expect(spec.when(remove('2026-02-17')).thenThrows('SD-15').kind).toBe('not-found');
  });

  it('SD-15 logs a monitoring check by the staff on duty that day', () => {
    spec.given([assigned('2026-02-17')]).when(check()).then([logged()]);
    spec
      .given([assigned('2026-02-17')])
      .when(check({ outcome: 'problem', description: 'site returns 502' }))
      .then([logged({ outcome: 'problem', description: 'site returns 502' })]);
  });

  it('SD-15 refuses a check by someone not on duty that date', () => {
    expect(spec.given([assigned('2026-02-16')]).when(check()).thenThrows('SD-15').kind).toBe('forbidden');
    const removed = { type: 'HolidayDutyRemoved' as const, data: { year: 2026, date: '2026-02-17', staffId: 'cs-li', removedBy: 'x', removedAt: NOW } };
    expect(spec.given([assigned('2026-02-17'), removed]).when(check()).thenThrows('SD-15').kind).toBe('forbidden');
  });

  it('SD-15 refuses a problem without description, a duplicate check id and a check dated ahead', () => {
    expect(spec.given([assigned('2026-02-17')]).when(check({ outcome: 'problem' })).thenThrows('SD-15').field).toBe('description');
    expect(spec.given([assigned('2026-02-17'), logged()]).when(check()).thenThrows('SD-15').kind).toBe('conflict');
    spec.given([assigned('2026-02-17')]).when(check({}, '2026-02-16T23:00:00+08:00')).thenThrows('SD-15');
  });
});
