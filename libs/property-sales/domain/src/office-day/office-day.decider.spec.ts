import { fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { AgencyActor } from '../customer/customer.commands';
import type { PsActor } from '../project/project.commands';
import type { OfficeDayCommand } from './office-day.commands';
import { officeDayChecklist, positionsOf } from './office-day.checklist';
import { officeDayDecider, type OfficeDayState } from './office-day.decider';
import type { DayRecordsSubmitted, DutyAgencyAssigned, DutyHandedOver, OfficeDayEvent, PremisesInspected, SalesControlReconciled, StaffCheckedIn } from './office-day.events';

const DAY = { projectId: 'lakeside', date: '2026-03-02' };
const at = (time: string): string => `2026-03-02T${time}+08:00`;
const SITE_MANAGER: PsActor = { staffId: 'sm-zhou', roles: ['site-manager'] };
const staff = (staffId: string, agencyId: string | null, roles = ['salesperson']): AgencyActor => ({ staffId, roles, agencyId, agencyRole: agencyId ? 'salesperson' : null });
const WANG = staff('sp-wang', 'sunrise');
const ZHAO = staff('sp-zhao', 'moonlight');

const cmd = (now: string, c: Omit<OfficeDayCommand, 'metadata'>): OfficeDayCommand => ({ ...c, metadata: { now } }) as OfficeDayCommand;
const assign = (now = at('08:00:00'), agencyId = 'sunrise', actor: PsActor = SITE_MANAGER) =>
  cmd(now, { type: 'AssignDutyAgency', data: { ...DAY, agencyId, agencyRegistered: true, actor } });
const checkIn = (actor: AgencyActor, now: string, agencyId = actor.agencyId ?? 'sunrise') => cmd(now, { type: 'CheckIn', data: { ...DAY, agencyId, actor } });
const handOver = (actor = WANG, now = at('08:50:00')) =>
  cmd(now, { type: 'HandOverDuty', data: { ...DAY, fromAgencyId: 'moonlight', dutyBook: true, masterSalesControl: true, items: ['model unit keys'], actor } });
const inspect = (area: 'sales-centre' | 'model-unit', actor = WANG, now = at('09:30:00')) => cmd(now, { type: 'InspectPremises', data: { ...DAY, area, findings: 'in order', actor } });
const dayRecords = (now: string, actor = WANG, to = 'ss-qian') => cmd(now, { type: 'SubmitDayRecords', data: { ...DAY, to, siteSupervisorId: 'ss-qian', actor } });
const reconcile = (now = at('18:00:00'), actor = WANG) => cmd(now, { type: 'ReconcileSalesControl', data: { ...DAY, with: 'ss-qian', discrepancies: [], siteSupervisorId: 'ss-qian', actor } });

const assigned = (agencyId = 'sunrise', when = at('08:00:00')): DutyAgencyAssigned => ({ type: 'DutyAgencyAssigned', data: { ...DAY, agencyId, by: 'sm-zhou', at: when } });
const checkedIn = (staffId: string, agencyId: string, time: string, late = false): StaffCheckedIn => ({ type: 'StaffCheckedIn', data: { ...DAY, staffId, agencyId, at: at(time), late } });
const handedOver = (when = at('08:50:00')): DutyHandedOver => ({
  type: 'DutyHandedOver',
  data: { ...DAY, fromAgencyId: 'moonlight', toAgencyId: 'sunrise', dutyBook: true, masterSalesControl: true, items: ['model unit keys'], by: 'sp-wang', at: when },
});
const inspected = (area: 'sales-centre' | 'model-unit', when = at('09:30:00')): PremisesInspected => ({ type: 'PremisesInspected', data: { ...DAY, area, findings: 'in order', by: 'sp-wang', at: when } });
const recordsSubmitted = (when: string, late: boolean): DayRecordsSubmitted => ({ type: 'DayRecordsSubmitted', data: { ...DAY, to: 'ss-qian', by: 'sp-wang', at: when, late } });
const reconciled = (when = at('18:00:00')): SalesControlReconciled => ({ type: 'SalesControlReconciled', data: { ...DAY, with: 'ss-qian', discrepancies: [], by: 'sp-wang', at: when } });

const stateOf = (events: OfficeDayEvent[]): OfficeDayState => fold(officeDayDecider, events);

describe('PS-10 office day decider', () => {
  const spec = DeciderSpecification.for(officeDayDecider);

  it('PS-10 the site manager assigns the duty agency; nobody else (403)', () => {
    spec.when(assign()).then([assigned()]);
    spec.given([assigned()]).when(assign()).then([]);
    expect(spec.when(assign(at('08:00:00'), 'sunrise', { staffId: 'as-li', roles: ['agency-supervisor'] })).thenThrows('PS-10').kind).toBe('forbidden');
    expect(spec.when(cmd(at('08:00:00'), { type: 'AssignDutyAgency', data: { ...DAY, agencyId: 'ghost', agencyRegistered: false, actor: SITE_MANAGER } })).thenThrows('PS-10').kind).toBe('not-found');
    expect(spec.given([assigned(), handedOver()]).when(assign(at('09:10:00'), 'moonlight')).thenThrows('PS-10').kind).toBe('conflict');
  });

  it('PS-10 a check-in at 08:45:00 is on time, at 08:45:01 late', () => {
    spec.when(checkIn(WANG, at('08:45:00'))).then([checkedIn('sp-wang', 'sunrise', '08:45:00', false)]);
    spec.when(checkIn(WANG, at('08:45:01'))).then([checkedIn('sp-wang', 'sunrise', '08:45:01', true)]);
  });

  it('PS-10 a member checks in once, for their own agency, today only', () => {
    spec.given([checkedIn('sp-wang', 'sunrise', '08:30:00')]).when(checkIn(WANG, at('08:40:00'))).then([]);
    expect(spec.when(checkIn(staff('sp-wang', null), at('08:30:00'), 'sunrise')).thenThrows('PS-10')).toMatchObject({ kind: 'forbidden', field: 'agencyId' });
    expect(spec.when(checkIn({ staffId: 'fi-he', roles: ['finance'], agencyId: null }, at('08:30:00'), 'sunrise')).thenThrows('PS-10').kind).toBe('forbidden');
    expect(spec.when(checkIn(WANG, '2026-03-03T08:30:00+08:00')).thenThrows('PS-10').field).toBe('date');
    expect(spec.when(checkIn(WANG, '2026-03-01T08:30:00+08:00')).thenThrows('PS-10').field).toBe('date');
  });

  it('PS-10 positions at 09:00 follow each agency’s first arrival (first to arrive, first position)', () => {
    const state = stateOf([
      checkedIn('sp-zhao', 'moonlight', '08:20:00'),
      checkedIn('sp-wang', 'sunrise', '08:25:00'),
      checkedIn('sp-sun', 'sunrise', '08:10:00'),
      checkedIn('sp-he', 'starlight', '08:50:00', true),
      checkedIn('sp-qi', 'moonlight', '08:05:00'),
    ]);
    expect(positionsOf(state).map((p) => [p.position, p.agencyId, p.firstCheckInAt])).toEqual([
      [1, 'moonlight', at('08:05:00')],
      [2, 'sunrise', at('08:10:00')],
      [3, 'starlight', at('08:50:00')],
    ]);
    expect(positionsOf(state)[0].staff.map((s) => s.staffId)).toEqual(['sp-qi', 'sp-zhao']);
  });

  it("PS-10 the duty agency's staff hand over, inspect, submit the records and reconcile; others are refused (403)", () => {
    spec.given([assigned()]).when(handOver()).then([handedOver()]);
    spec.given([assigned()]).when(inspect('model-unit')).then([inspected('model-unit')]);
    spec.given([assigned()]).when(reconcile()).then([reconciled()]);
    expect(spec.given([assigned()]).when(handOver(ZHAO)).thenThrows('PS-10').kind).toBe('forbidden');
    expect(spec.given([assigned()]).when(inspect('sales-centre', ZHAO)).thenThrows('PS-10').kind).toBe('forbidden');
    expect(spec.given([assigned()]).when(dayRecords(at('11:00:00'), ZHAO)).thenThrows('PS-10').kind).toBe('forbidden');
  });

  it('PS-10 without a duty agency the duty steps are refused (422); each is recorded once (409)', () => {
    expect(spec.when(handOver()).thenThrows('PS-10').kind).toBe('rule');
    expect(spec.given([assigned(), handedOver()]).when(handOver()).thenThrows('PS-10').kind).toBe('conflict');
    expect(spec.given([assigned(), inspected('sales-centre')]).when(inspect('sales-centre')).thenThrows('PS-10').kind).toBe('conflict');
    expect(spec.given([assigned(), recordsSubmitted(at('11:00:00'), false)]).when(dayRecords(at('11:30:00'))).thenThrows('PS-10').kind).toBe('conflict');
    expect(spec.given([assigned(), reconciled()]).when(reconcile()).thenThrows('PS-10').kind).toBe('conflict');
  });

  it("PS-10 the day's records at 11:59:59 are on time, at 12:00:00 late; only to the project's site supervisor", () => {
    spec.given([assigned()]).when(dayRecords(at('11:59:59'))).then([recordsSubmitted(at('11:59:59'), false)]);
    spec.given([assigned()]).when(dayRecords(at('12:00:00'))).then([recordsSubmitted(at('12:00:00'), true)]);
    expect(spec.given([assigned()]).when(dayRecords(at('11:00:00'), WANG, 'sm-zhou')).thenThrows('PS-10').field).toBe('to');
  });

  it('PS-10 the site manager may assign the duty agency the evening before; nothing else is recorded for a day that has not begun', () => {
    spec.when(assign('2026-03-01T18:00:00+08:00')).then([{ type: 'DutyAgencyAssigned', data: { ...DAY, agencyId: 'sunrise', by: 'sm-zhou', at: '2026-03-01T18:00:00+08:00' } }]);
    expect(spec.given([assigned()]).when(checkIn(WANG, '2026-03-01T18:00:00+08:00')).thenThrows('PS-10').field).toBe('date');
  });
});

describe('PS-10 office day checklist', () => {
  const steps = (state: OfficeDayState, asOf: string) => Object.fromEntries(officeDayChecklist(state, asOf).steps.map((s) => [s.step, s.status]));

  it('PS-10 before any deadline every step is pending', () => {
    const list = officeDayChecklist(stateOf([]), at('07:00:00'), undefined, '2026-03-02');
    expect(list.steps.map((s) => s.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
    expect(list.flagged).toEqual([]);
  });

  it('PS-10 as of 10:00 with nothing recorded: the morning steps are missing, the rest pending', () => {
    expect(steps({ ...stateOf([]), projectId: 'lakeside', date: '2026-03-02' }, at('10:00:00'))).toEqual({
      'duty-agency': 'missing',
      attendance: 'missing',
      handover: 'missing',
      'sales-centre-inspection': 'pending',
      'model-unit-inspection': 'pending',
      'day-records': 'pending',
      reconciliation: 'pending',
    });
  });

  it('PS-10 a full day on time is all done; late check-in, late records and a late handover are flagged late', () => {
    const onTime = stateOf([assigned(), checkedIn('sp-wang', 'sunrise', '08:30:00'), handedOver(), inspected('sales-centre'), inspected('model-unit'), recordsSubmitted(at('11:00:00'), false), reconciled()]);
    expect(Object.values(steps(onTime, '2026-03-03T09:00:00+08:00'))).toEqual(Array(7).fill('done'));
    const late = stateOf([
      assigned(),
      checkedIn('sp-wang', 'sunrise', '08:30:00'),
      checkedIn('sp-zhao', 'moonlight', '08:45:01', true),
      handedOver(at('09:00:01')),
      inspected('sales-centre', at('12:00:00')),
      recordsSubmitted(at('12:00:00'), true),
    ]);
    const list = officeDayChecklist(late, at('12:30:00'));
    expect(Object.fromEntries(list.steps.map((s) => [s.step, s.status]))).toEqual({
      'duty-agency': 'done',
      attendance: 'late',
      handover: 'late',
      'sales-centre-inspection': 'late',
      'model-unit-inspection': 'missing',
      'day-records': 'late',
      reconciliation: 'pending',
    });
    expect(list.flagged).toEqual(['attendance', 'handover', 'sales-centre-inspection', 'model-unit-inspection', 'day-records']);
    expect(list.attendance.map((a) => [a.staffId, a.late])).toEqual([
      ['sp-wang', false],
      ['sp-zhao', true],
    ]);
    expect(list.positions.map((p) => p.agencyId)).toEqual(['sunrise', 'moonlight']);
  });

  it("PS-10 the day's records: pending at 11:59:59, missing at 12:00:00; the reconciliation missing once the day is over", () => {
    const state = stateOf([assigned()]);
    expect(steps(state, at('11:59:59'))['day-records']).toBe('pending');
    expect(steps(state, at('12:00:00'))['day-records']).toBe('missing');
    expect(steps(state, at('23:59:59')).reconciliation).toBe('pending');
    expect(steps(state, '2026-03-03T00:00:00+08:00').reconciliation).toBe('missing');
  });

  it('PS-10 attendance: pending at 08:45:00, missing at 08:45:01 with nobody checked in', () => {
    const state = stateOf([assigned()]);
    expect(steps(state, at('08:45:00')).attendance).toBe('pending');
    expect(steps(state, at('08:45:01')).attendance).toBe('missing');
  });
});
