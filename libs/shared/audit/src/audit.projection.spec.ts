import { ProjectionSpecification, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { auditProjection, toRecordedEvent } from './audit.projection';

describe('audit trail projection', () => {
  beforeEach(() => resetRecorded());

  it('keeps one entry per event with actor, entity and time, and turns it back into the event', () => {
    const event = recorded(
      { type: 'TicketTransferred', data: { ticketId: 't-1' } },
      { streamId: 'service-desk.ticket.t-1', actor: { userId: 'cs-li', roles: ['customer-service'] }, recordedAt: '2026-03-02T01:00:00.000Z' },
    );
    const docs = ProjectionSpecification.for(auditProjection).given([event, event]).then({});
    const entry = docs[event.metadata.eventId]!;
    expect(entry).toMatchObject({ streamId: 'service-desk.ticket.t-1', actorId: 'cs-li', type: 'TicketTransferred', recordedAtMs: Date.parse('2026-03-02T01:00:00.000Z') });
    expect(Object.keys(docs)).toHaveLength(1);
    expect(toRecordedEvent(entry)).toEqual(event);
  });
});
