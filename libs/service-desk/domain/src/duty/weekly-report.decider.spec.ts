import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { WeeklyReportDeadlinePolicy } from './weekly-report-deadline.policy';
import type { SubmitWeeklyReport } from './weekly-report.commands';
import { createWeeklyReportDecider, weeklyReportDecider } from './weekly-report.decider';
import type { WeeklyReportSubmitted } from './weekly-report.events';

const DEADLINE = '2026-03-06T14:00:00+08:00';

const submit = (now: string, data: Partial<SubmitWeeklyReport['data']> = {}): SubmitWeeklyReport => ({
  type: 'SubmitWeeklyReport',
  data: {
    staffId: 'ts-wang',
    week: '2026-W10',
    serviceSituation: 'Two on-site visits, SCADA patch rolled out',
    customerFeedback: 'Water works asked for a training session',
    authorId: 'ts-wang',
    ...data,
  },
  metadata: { now },
});

const submitted = (now: string, late: boolean, version = 1, deadline = DEADLINE): WeeklyReportSubmitted => ({
  type: 'WeeklyReportSubmitted',
  data: {
    staffId: 'ts-wang',
    week: '2026-W10',
    version,
    serviceSituation: 'Two on-site visits, SCADA patch rolled out',
    customerFeedback: 'Water works asked for a training session',
    submittedAt: now,
    deadline,
    late,
  },
});

describe('weekly report decider', () => {
  const spec = DeciderSpecification.for(weeklyReportDecider);

  it('SD-10 accepts a submission before Friday 14:00 as on time', () => {
    spec.when(submit('2026-03-06T13:59:00+08:00')).then([submitted('2026-03-06T13:59:00+08:00', false)]);
  });

  it('SD-10 marks a submission after the deadline as late', () => {
    spec.when(submit('2026-03-06T14:01:00+08:00')).then([submitted('2026-03-06T14:01:00+08:00', true)]);
    spec.when(submit('2026-03-09T09:00:00+08:00')).then([submitted('2026-03-09T09:00:00+08:00', true)]);
  });

  it('SD-10 a second submission is a revision: both kept, compliance from the first', () => {
    const state = spec
      .given([submitted('2026-03-05T10:00:00+08:00', false)])
      .when(submit('2026-03-07T10:00:00+08:00'))
      .then([submitted('2026-03-07T10:00:00+08:00', true, 2)]);
    expect(state).toMatchObject({ version: 2, late: false, firstSubmittedAt: '2026-03-05T10:00:00+08:00' });
  });

  it('SD-10 refuses a report written by someone else', () => {
    const error = spec.when(submit('2026-03-05T10:00:00+08:00', { authorId: 'ts-chen' })).thenThrows('SD-10');
    expect(error.kind).toBe('forbidden');
  });

  it('SD-10 refuses a report for a week that has not started', () => {
    spec.when(submit('2026-03-01T23:59:00+08:00')).thenThrows('SD-10');
  });

  it('SD-10 refuses a malformed week and empty content', () => {
    expect(spec.when(submit('2026-03-05T10:00:00+08:00', { week: '2026-10' })).thenThrows('SD-10').field).toBe('week');
    expect(spec.when(submit('2026-03-05T10:00:00+08:00', { customerFeedback: ' ' })).thenThrows('SD-10').field).toBe('customerFeedback');
  });

  it('SD-10 uses the deadline policy version in force on that week\'s Friday', () => {
    const history: WeeklyReportDeadlinePolicy = [
      { effectiveFrom: '2000-01-01', value: { isoWeekday: 5, time: '14:00' } },
      { effectiveFrom: '2026-03-01', value: { isoWeekday: 5, time: '18:00' } },
    ];
    DeciderSpecification.for(createWeeklyReportDecider(history))
      .when(submit('2026-03-06T15:00:00+08:00'))
      .then([submitted('2026-03-06T15:00:00+08:00', false, 1, '2026-03-06T18:00:00+08:00')]);
  });
});
