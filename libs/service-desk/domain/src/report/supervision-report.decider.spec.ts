import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { SupervisionFigures } from './supervision-figures';
import type { SubmitSupervisionReport } from './supervision-report.commands';
import { supervisionReportDecider } from './supervision-report.decider';
import type { SupervisionReportSubmitted } from './supervision-report.events';

const figures = (received: number): SupervisionFigures => ({
  month: '2026-03',
  received,
  resolved: 2,
  openAtMonthEnd: 1,
  resolvedAtFirstContact: 1,
  firstContactResolutionRate: 0.5,
  medianMinutesToResolve: 90,
  complaints: 1,
  repeatContacts: 0,
  transfers: 1,
  onSiteBreaches: 0,
  callbacksDue: 2,
  callbacksDone: 1,
  inspectionsDone: 0,
  majorFaults: 0,
  shirkingFindings: 0,
});

const submit = (now: string, data: Partial<SubmitSupervisionReport['data']> = {}): SubmitSupervisionReport => ({
  type: 'SubmitSupervisionReport',
  data: {
    month: '2026-03',
    submittedBy: 'bd-li',
    submitterRoles: ['staff', 'business-dept'],
    generalManagerId: 'gm-zhao',
    figures: figures(3),
    comments: 'Complaints down',
    ...data,
  },
  metadata: { now },
});

const submitted = (now: string, version: number, received = 3, comments: string | null = 'Complaints down'): SupervisionReportSubmitted => ({
  type: 'SupervisionReportSubmitted',
  data: { month: '2026-03', version, submittedBy: 'bd-li', submittedAt: now, addressedTo: 'gm-zhao', figures: figures(received), comments },
});

describe('supervision report decider', () => {
  const spec = DeciderSpecification.for(supervisionReportDecider);

  it('SD-9 submits the ended month to the general manager with its figures frozen', () => {
    spec.when(submit('2026-04-01T00:00:00+08:00')).then([submitted('2026-04-01T00:00:00+08:00', 1)]);
  });

  it('SD-9 a resubmission is a new version; the earlier one stays in the stream', () => {
    const state = spec
      .given([submitted('2026-04-02T09:00:00+08:00', 1)])
      .when(submit('2026-04-05T09:00:00+08:00', { figures: figures(4), comments: '' }))
      .then([submitted('2026-04-05T09:00:00+08:00', 2, 4, null)]);
    expect(state).toMatchObject({ status: 'submitted', version: 2 });
  });

  it('SD-9 refuses a month that has not ended yet in Asia/Shanghai', () => {
    // 2026-03-31T15:30Z is 23:30 on 31 March in Shanghai: March is still running.
    const error = spec.when(submit('2026-03-31T15:30:00Z')).thenThrows('SD-9');
    expect(error.kind).toBe('rule');
  });

  it('SD-9 refuses a submission by anyone but the business department (forbidden)', () => {
    const error = spec.when(submit('2026-04-02T09:00:00+08:00', { submitterRoles: ['staff', 'general-manager'] })).thenThrows('SD-9');
    expect(error.kind).toBe('forbidden');
  });

  it('SD-9 refuses a malformed month and figures of another month', () => {
    expect(spec.when(submit('2026-04-02T09:00:00+08:00', { month: '2026-3' })).thenThrows('SD-9').kind).toBe('invalid');
    expect(spec.when(submit('2026-05-02T09:00:00+08:00', { month: '2026-04' })).thenThrows('SD-9').kind).toBe('invalid');
  });
});
