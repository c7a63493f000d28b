import { addMonths, type PolicyHistory } from '@ebp/shared-kernel';
import { DEFAULT_POLICIES } from '../shared/service-desk.policy';
import {
  callbackPolicyOn,
  callbackSchedule,
  callbackWindowContaining,
  callbackWindows,
  type CallbackSchedulePolicy,
} from './callback-schedule.policy';

const policy = callbackPolicyOn('2025-03-15');

describe('callback windows', () => {
  it('SD-11 month k window is [delivery + (k−1) months, delivery + k months) for the first 12 months', () => {
    const windows = callbackWindows('2025-03-15', policy, '2026-03-14');
    expect(windows).toHaveLength(12);
    expect(windows.every((w) => w.kind === 'monthly')).toBe(true);
    expect(windows[0]).toEqual({ index: 1, kind: 'monthly', startsOn: '2025-03-15', endsBefore: '2025-04-15' });
    expect(windows[11]).toEqual({ index: 12, kind: 'monthly', startsOn: '2026-02-15', endsBefore: '2026-03-15' });
  });

  it('SD-11 after 12 monthly windows the windows are quarters of 3 months', () => {
    const windows = callbackWindows('2025-03-15', policy, '2026-09-15');
    expect(windows.slice(12)).toEqual([
      { index: 13, kind: 'quarterly', startsOn: '2026-03-15', endsBefore: '2026-06-15' },
      { index: 14, kind: 'quarterly', startsOn: '2026-06-15', endsBefore: '2026-09-15' },
      { index: 15, kind: 'quarterly', startsOn: '2026-09-15', endsBefore: '2026-12-15' },
    ]);
  });

  it('SD-11 windows of a delivery on Jan 31 are clamped from the delivery date, without drifting', () => {
    const windows = callbackWindows('2024-01-31', policy, '2025-05-01');
    expect(windows.slice(0, 3).map((w) => [w.startsOn, w.endsBefore])).toEqual([
      ['2024-01-31', '2024-02-29'],
      ['2024-02-29', '2024-03-31'],
      ['2024-03-31', '2024-04-30'],
    ]);
    expect(windows[12]).toMatchObject({ kind: 'quarterly', startsOn: '2025-01-31', endsBefore: '2025-04-30' });
    expect(windows[13]).toMatchObject({ startsOn: '2025-04-30', endsBefore: '2025-07-31' });
  });

  it('SD-11 the window containing a date, or none before delivery', () => {
    expect(callbackWindowContaining('2025-03-15', policy, '2025-03-14')).toBeNull();
    expect(callbackWindowContaining('2025-03-15', policy, '2025-04-15')).toMatchObject({ index: 2 });
    expect(callbackWindowContaining('2025-03-15', policy, '2026-04-01')).toMatchObject({ index: 13, kind: 'quarterly' });
  });

  it('SD-11 statuses: done, due, overdue and the next upcoming window', () => {
    const schedule = callbackSchedule('2025-03-15', policy, ['2025-03-20', '2025-05-01'], '2025-07-01');
    expect(schedule.map((w) => [w.index, w.status])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'overdue'],
      [4, 'due'],
      [5, 'upcoming'],
    ]);
    expect(schedule[0].callbacksOn).toEqual(['2025-03-20']);
  });

  it('SD-11 a window ends at its exclusive bound: the last day is still due, the next day overdue', () => {
    const lastDay = callbackSchedule('2025-03-15', policy, [], '2025-04-14');
    expect(lastDay[0].status).toBe('due');
    const nextDay = callbackSchedule('2025-03-15', policy, [], '2025-04-15');
    expect(nextDay.map((w) => w.status)).toEqual(['overdue', 'due', 'upcoming']);
  });

  it('SD-11 as of an earlier date ignores later callbacks', () => {
    const schedule = callbackSchedule('2025-03-15', policy, ['2025-04-10'], '2025-04-01');
    expect(schedule[0].status).toBe('due');
  });

  it('SD-11 across the 12-month boundary the 13th window is a quarter', () => {
    const callbacks = Array.from({ length: 12 }, (_, k) => addMonths('2025-03-20', k));
    const schedule = callbackSchedule('2025-03-15', policy, callbacks, '2026-05-01');
    expect(schedule.slice(0, 12).every((w) => w.status === 'done')).toBe(true);
    expect(schedule[12]).toMatchObject({ index: 13, kind: 'quarterly', status: 'due', endsBefore: '2026-06-15' });
    expect(schedule[13]).toMatchObject({ index: 14, status: 'upcoming' });
  });

  it('SD-11 the policy version in force on the delivery date decides the schedule', () => {
    const history: PolicyHistory<CallbackSchedulePolicy> = [
      ...DEFAULT_POLICIES.callbackSchedule,
      { effectiveFrom: '2027-01-01', value: { monthlyWindows: 6, laterWindowMonths: 6 } },
    ];
    expect(callbackPolicyOn('2026-12-31', history)).toEqual({ monthlyWindows: 12, laterWindowMonths: 3 });
    const later = callbackPolicyOn('2027-01-01', history);
    expect(callbackWindows('2027-01-01', later, '2027-07-01')[6]).toEqual({
      index: 7,
      kind: 'quarterly',
      startsOn: '2027-07-01',
      endsBefore: '2028-01-01',
    });
  });
});
