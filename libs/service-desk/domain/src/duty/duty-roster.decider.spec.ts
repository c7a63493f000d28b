import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import {
  dutyRosterDecider,
  type AssignHolidayDuty,
  type HolidayDutyAssigned,
  type LogMonitoringCheck,
  type MonitoringCheckLogged,
  type RemoveHolidayDuty,
} from './duty-roster.decider';
import { statutoryHolidaysBetween } from './holiday-calendar';

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

  it('SD-15 lists Spring Festival 2026 (15–23 Feb) as statutory holidays, not the 14 Feb make-up workday or plain weekends', () => {
    const days = statutoryHolidaysBetween('2026-02-01', '2026-02-28');
    expect(days.map((d) => d.date)).toEqual(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']);
    expect(days.every((d) => d.name === 'Spring Festival')).toBe(true);
    expect(statutoryHolidaysBetween('2026-01-01', '2026-01-03').map((d) => d.name)).toEqual(["New Year's Day", "New Year's Day", "New Year's Day"]);
    expect(statutoryHolidaysBetween('2026-05-01', '2026-05-01')[0]?.name).toBe('Labour Day');
    expect(statutoryHolidaysBetween('2026-10-01', '2026-10-01')[0]?.name).toBe('National Day');
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
