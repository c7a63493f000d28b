import type { EventMetadata } from '@ebp/shared-eventsourcing';
import { PUBLISHED_SERVICE_DESK_EVENT_TYPES, toPublishedEvent } from './published-events';

const AT = '2026-03-02T10:00:00+08:00';

const meta = (streamId: string, causationId: string | null = null): EventMetadata => ({
  eventId: 'e-1',
  streamId,
  revision: 0,
  position: 7,
  occurredAt: AT,
  recordedAt: '2026-03-02T02:00:00.000Z',
  actor: { userId: 'u', roles: [] },
  correlationId: 'c-1',
  causationId,
  schemaVersion: 1,
});

// One source event per published type; the mappings copy fields, so ids suffice.
const SOURCES: { stream: string; type: string; data: Record<string, unknown> }[] = [
  { stream: 'service-desk.ticket.t-1', type: 'TicketRegistered', data: { ticketId: 't-1' } },
  { stream: 'service-desk.ticket.t-1', type: 'TicketEscalatedToGeneralManager', data: { ticketId: 't-1' } },
  { stream: 'service-desk.ticket.t-1', type: 'TicketTransferred', data: { ticketId: 't-1' } },
  { stream: 'service-desk.ticket.t-1', type: 'RepeatContactRecorded', data: { ticketId: 't-1' } },
  { stream: 'service-desk.ticket.t-1', type: 'TicketResolved', data: { ticketId: 't-1' } },
  { stream: 'service-desk.ticket.t-1', type: 'ComplaintUpheld', data: { ticketId: 't-1' } },
  { stream: 'service-desk.callback-file.p-1', type: 'ProjectDelivered', data: { projectId: 'p-1' } },
  { stream: 'service-desk.weekly-report.ts-wang.2026-W10', type: 'WeeklyReportSubmitted', data: { staffId: 'ts-wang', week: '2026-W10' } },
  { stream: 'service-desk.duty-roster.2026', type: 'MonitoringCheckLogged', data: { checkId: 'k-1', outcome: 'problem' } },
  { stream: 'service-desk.fault.f-1', type: 'FaultReported', data: { faultId: 'f-1', notified: [] } },
  { stream: 'service-desk.fault.f-1', type: 'FaultClosed', data: { faultId: 'f-1' } },
  { stream: 'service-desk.shirking-finding.sf-1', type: 'ShirkingFindingRecorded', data: { findingId: 'sf-1' } },
  { stream: 'service-desk.satisfaction-survey.s-1', type: 'SatisfactionSurveyRecorded', data: { surveyId: 's-1' } },
];

describe('toPublishedEvent', () => {
  it('HR-4 maps a complaint upheld on a ticket to service-desk.complaint-upheld.v1', () => {
    const event = {
      type: 'ComplaintUpheld',
      data: { ticketId: 't-1', customerId: 'c-1', staffId: 's-1', severity: 'minor', finding: 'rude', upheldBy: 'gm', upheldAt: AT },
      metadata: meta('service-desk.ticket.t-1'),
    };
    expect(toPublishedEvent(event)).toMatchObject({ type: 'service-desk.complaint-upheld.v1', subject: 't-1', data: { staffId: 's-1', severity: 'minor' } });
  });

  it('publishes nothing for internal events', () => {
    expect(toPublishedEvent({ type: 'StaffMemberRegistered', data: {}, metadata: meta('service-desk.staff.s-1') })).toBeNull();
  });

  it('SD-1 SD-6 SD-10 SD-11 SD-14 SD-15 SD-16 every area fills the envelope from the source metadata, causationId included', () => {
    for (const source of SOURCES) {
      const mapped = toPublishedEvent({ type: source.type, data: source.data, metadata: meta(source.stream, 'cause-1') });
      expect(mapped).toMatchObject({ id: 'e-1', source: 'service-desk', streamId: source.stream, position: 7, occurredAt: AT, correlationId: 'c-1', causationId: 'cause-1' });
    }
    const withoutCause = toPublishedEvent({ type: 'TicketRegistered', data: { ticketId: 't-1' }, metadata: meta('service-desk.ticket.t-1') });
    expect(withoutCause?.causationId).toBeNull();
  });

  it('SD-1 lists every published type exactly once, each one a mapping produces', () => {
    const produced = SOURCES.map((s) => toPublishedEvent({ type: s.type, data: s.data, metadata: meta(s.stream) })?.type);
    expect([...PUBLISHED_SERVICE_DESK_EVENT_TYPES].sort()).toEqual([...produced].sort());
    expect(new Set(PUBLISHED_SERVICE_DESK_EVENT_TYPES).size).toBe(PUBLISHED_SERVICE_DESK_EVENT_TYPES.length);
    for (const type of PUBLISHED_SERVICE_DESK_EVENT_TYPES) expect(type).toMatch(/^service-desk\.[a-z-]+\.v\d+$/);
  });
});
