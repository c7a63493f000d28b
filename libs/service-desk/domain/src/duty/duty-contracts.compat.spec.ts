import { toDutyIntegrationEvent, type DutySourceEvent } from '@ebp/service-desk-contracts';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { MonitoringCheckLogged } from './duty-roster.events';
import type { WeeklyReportSubmitted } from './weekly-report.events';

const AT = '2026-03-06T13:00:00+08:00';

// Compile-time: the published mapping reads the domain events as they really are.
const asSource = (event: WeeklyReportSubmitted | MonitoringCheckLogged): DutySourceEvent => event;

describe('duty contracts compatibility', () => {
  it('SD-10 SD-15 domain events stay assignable to the contracts source events', () => {
    expect(typeof asSource).toBe('function');
  });
});

describe('duty integration events', () => {
  it('SD-10 maps WeeklyReportSubmitted to service-desk.weekly-report-submitted.v1 without the report text', () => {
    const event: DutySourceEvent = {
      type: 'WeeklyReportSubmitted',
      data: { staffId: 'ts-wang', week: '2026-W10', version: 1, serviceSituation: 's', customerFeedback: 'f', submittedAt: AT, deadline: '2026-03-06T14:00:00+08:00', late: false },
    };
    const mapped = toDutyIntegrationEvent(recorded(event, { streamId: 'service-desk.weekly-report.ts-wang.2026-W10', eventId: 'e-1' }));
    expect(mapped).toMatchObject({ type: 'service-desk.weekly-report-submitted.v1', id: 'e-1', subject: 'ts-wang-2026-W10' });
    expect(mapped?.data).toEqual({ staffId: 'ts-wang', week: '2026-W10', version: 1, submittedAt: AT, deadline: '2026-03-06T14:00:00+08:00', late: false });
  });

  it('SD-15 maps a problem check to service-desk.holiday-monitoring-problem-found.v1 naming the ticket; ok checks stay internal', () => {
    const check = (outcome: 'ok' | 'problem'): DutySourceEvent => ({
      type: 'MonitoringCheckLogged',
      data: { checkId: 'chk-1', date: '2026-02-17', customerId: 'c-1', target: 'https://c1.example.cn', outcome, description: outcome === 'problem' ? '502' : null, checkedBy: 'cs-li', checkedAt: AT },
    });
    const stream = 'service-desk.duty-roster.2026';
    expect(toDutyIntegrationEvent(recorded(check('problem'), { streamId: stream, eventId: 'e-2' }))?.data).toMatchObject({ ticketId: 'duty-e-2', description: '502' });
    expect(toDutyIntegrationEvent(recorded(check('ok'), { streamId: stream }))).toBeNull();
    expect(toDutyIntegrationEvent(recorded(check('problem'), { streamId: 'service-desk.ticket.x' }))).toBeNull();
  });
});
