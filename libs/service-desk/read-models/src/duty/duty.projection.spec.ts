import { ProjectionSpecification, recorded } from '@ebp/shared-eventsourcing/testing';
import { dutyRosterStream, weeklyReportStream, type DutyRosterEvent, type WeeklyReportSubmitted } from '@ebp/service-desk-domain';
import { weeklyCompliance } from './duty.queries';
import { holidayDutyProjection } from './holiday-duty.projection';
import { weeklyReportProjection, type WeeklyReportView } from './weekly-report.projection';

const DEADLINE = '2026-03-06T14:00:00+08:00';

const submitted = (submittedAt: string, late: boolean, version = 1): WeeklyReportSubmitted => ({
  type: 'WeeklyReportSubmitted',
  data: { staffId: 'ts-wang', week: '2026-W10', version, serviceSituation: 's', customerFeedback: 'f', submittedAt, deadline: DEADLINE, late },
});

const report = (...events: WeeklyReportSubmitted[]) =>
  events.map((e) => recorded(e, { streamId: weeklyReportStream('ts-wang', '2026-W10') }));

describe('SD-10 weekly report read model', () => {
  it('SD-10 keeps every version; the status comes from the first submission', () => {
    const docs = ProjectionSpecification.for(weeklyReportProjection)
      .given(report(submitted('2026-03-05T10:00:00+08:00', false), submitted('2026-03-07T10:00:00+08:00', true, 2)))
      .then({});
    const doc = docs['2026-W10:ts-wang'] as WeeklyReportView;
    expect(doc).toMatchObject({ status: 'on-time', firstSubmittedAt: '2026-03-05T10:00:00+08:00', lastSubmittedAt: '2026-03-07T10:00:00+08:00' });
    expect(doc.versions.map((v) => [v.version, v.late])).toEqual([[1, false], [2, true]]);
  });

  it('SD-10 compliance: on-time, late, missing only once the deadline has passed relative to asOf', () => {
    const docs = ProjectionSpecification.for(weeklyReportProjection).given(report(submitted('2026-03-06T15:00:00+08:00', true))).then({});
    const late = docs['2026-W10:ts-wang'] as WeeklyReportView;
    expect(weeklyCompliance(late, DEADLINE, '2026-03-09T09:00:00+08:00').status).toBe('late');
    // As of before the submission, nothing had been filed yet and the deadline had passed.
    expect(weeklyCompliance(late, DEADLINE, '2026-03-06T14:30:00+08:00').status).toBe('missing');
    expect(weeklyCompliance(null, DEADLINE, '2026-03-06T13:00:00+08:00').status).toBe('pending');
    expect(weeklyCompliance(null, DEADLINE, '2026-03-06T14:00:01+08:00').status).toBe('missing');
  });
});

describe('SD-15 holiday duty read model', () => {
  const on = (event: DutyRosterEvent, eventId?: string) => recorded(event, { streamId: dutyRosterStream(2026), eventId });
  const at = '2026-02-10T09:00:00+08:00';

  it('SD-15 one document per holiday day with assigned staff and monitoring checks, problem checks naming their ticket', () => {
    ProjectionSpecification.for(holidayDutyProjection)
      .given([
        on({ type: 'HolidayDutyAssigned', data: { year: 2026, date: '2026-02-17', holiday: 'Spring Festival', staffId: 'cs-li', assignedBy: 'cs-mgr', assignedAt: at } }),
        on({ type: 'HolidayDutyAssigned', data: { year: 2026, date: '2026-02-17', holiday: 'Spring Festival', staffId: 'cs-xu', assignedBy: 'cs-mgr', assignedAt: at } }),
        on({ type: 'HolidayDutyRemoved', data: { year: 2026, date: '2026-02-17', staffId: 'cs-xu', removedBy: 'cs-mgr', removedAt: at } }),
        on(
          {
            type: 'MonitoringCheckLogged',
            data: {
              year: 2026,
              checkId: 'chk-1',
              date: '2026-02-17',
              customerId: 'c-1',
              target: 'https://c1.example.cn',
              outcome: 'problem',
              description: '502',
              checkedBy: 'cs-li',
              checkedAt: '2026-02-17T10:00:00+08:00',
            },
          },
          'e-42',
        ),
      ])
      .then({
        '2026-02-17': {
          date: '2026-02-17',
          year: 2026,
          holiday: 'Spring Festival',
          assigned: [{ staffId: 'cs-li', assignedBy: 'cs-mgr', assignedAt: at }],
          checks: [
            {
              checkId: 'chk-1',
              customerId: 'c-1',
              target: 'https://c1.example.cn',
              outcome: 'problem',
              description: '502',
              checkedBy: 'cs-li',
              checkedAt: '2026-02-17T10:00:00+08:00',
              ticketId: 'duty-e-42',
            },
          ],
        },
      });
  });
});
