import { recorded } from '@ebp/shared-eventsourcing/testing';
import { SERVICE_DESK_INTEGRATION_EVENT_TYPES, toIntegrationEvent, type TicketSourceEvent } from './ticket.contracts';

const STREAM = 'service-desk.ticket.t-1';
const AT = '2026-03-02T10:00:00+08:00';

const registered: TicketSourceEvent = {
  type: 'TicketRegistered',
  data: {
    ticketId: 't-1',
    channel: 'hotline',
    kind: 'complaint',
    customerId: 'c-1',
    projectId: null,
    description: 'Invoice printed twice',
    receivedAt: AT,
    ownerId: 'alice',
    ownerDepartment: 'customer-service',
    major: false,
  },
};

describe('ticket integration events', () => {
  it('SD-1 maps TicketRegistered to service-desk.ticket-registered.v1 with the envelope from metadata', () => {
    const event = recorded(registered, { streamId: STREAM, eventId: 'e-1', position: 7, occurredAt: AT, correlationId: 'corr-1', causationId: 'cmd-1' });
    expect(toIntegrationEvent(event)).toEqual({
      type: 'service-desk.ticket-registered.v1',
      id: 'e-1',
      source: 'service-desk',
      subject: 't-1',
      streamId: STREAM,
      position: 7,
      occurredAt: AT,
      correlationId: 'corr-1',
      causationId: 'cmd-1',
      data: registered.data,
    });
  });

  it('SD-1 does not leak domain fields that are not part of the v1 contract', () => {
    const withExtra = { type: 'TicketRegistered', data: { ...registered.data, registeredAt: AT, internalNote: 'x' } };
    const mapped = toIntegrationEvent(recorded(withExtra, { streamId: STREAM }));
    expect(mapped?.data).toEqual(registered.data);
  });

  it('SD-3 maps TicketTransferred to service-desk.ticket-transferred.v1', () => {
    const data = {
      ticketId: 't-1',
      ownerId: 'alice',
      fromHandlerId: 'alice',
      fromDepartment: 'customer-service',
      toHandlerId: 'carol',
      toDepartment: 'technical-service',
      reason: 'hardware fault',
      transferredBy: 'alice',
      transferredAt: AT,
      viaAlternate: true,
      transferCount: 1,
    };
    const mapped = toIntegrationEvent(recorded({ type: 'TicketTransferred', data }, { streamId: STREAM }));
    expect(mapped).toMatchObject({ type: 'service-desk.ticket-transferred.v1', subject: 't-1', data });
  });

  it('SD-2 maps TicketResolved to service-desk.ticket-resolved.v1 with first-contact and liaison flags', () => {
    const data = {
      ticketId: 't-1',
      customerId: 'c-1',
      kind: 'complaint' as const,
      major: false,
      ownerId: 'alice',
      handlerId: 'alice',
      handlingDepartment: 'customer-service',
      receivedAt: AT,
      resolvedBy: 'alice',
      resolution: 'Credit note issued',
      resolvedAt: AT,
      atFirstContact: true,
      liaisonFormPending: true,
      emergency: false,
      transferCount: 0,
      repeatContactCount: 0,
    };
    const mapped = toIntegrationEvent(recorded({ type: 'TicketResolved', data }, { streamId: STREAM }));
    expect(mapped).toMatchObject({ type: 'service-desk.ticket-resolved.v1', data });
  });

  it('SD-4 maps the escalation to service-desk.ticket-escalated.v1', () => {
    const data = { ticketId: 't-1', generalManagerId: 'gm', escalatedBy: 'alice', escalatedAt: AT, reason: null };
    const mapped = toIntegrationEvent(recorded({ type: 'TicketEscalatedToGeneralManager', data }, { streamId: STREAM }));
    expect(mapped).toMatchObject({ type: 'service-desk.ticket-escalated.v1', data });
  });

  it('SD-7 maps a repeat contact to service-desk.ticket-repeat-contact-recorded.v1', () => {
    const data = { ticketId: 't-1', channel: 'email' as const, contactedAt: AT, note: null, repeatContactCount: 2 };
    const mapped = toIntegrationEvent(recorded({ type: 'RepeatContactRecorded', data: { ...data, recordedBy: 'dave', recordedAt: AT } }, { streamId: STREAM }));
    expect(mapped).toMatchObject({ type: 'service-desk.ticket-repeat-contact-recorded.v1', data });
  });

  it('SD-5 keeps the liaison form paperwork internal', () => {
    const event = recorded({ type: 'LiaisonFormSubmitted', data: { ticketId: 't-1' } }, { streamId: STREAM });
    expect(toIntegrationEvent(event)).toBeNull();
  });

  it('SD-1 ignores reference data and same-named events of other streams', () => {
    expect(toIntegrationEvent(recorded({ type: 'StaffMemberRegistered', data: {} }, { streamId: 'service-desk.staff.bob' }))).toBeNull();
    expect(toIntegrationEvent(recorded(registered, { streamId: 'hr-attendance.ticket-1' }))).toBeNull();
  });

  it('SD-1 every published type is versioned under the service-desk prefix', () => {
    for (const type of SERVICE_DESK_INTEGRATION_EVENT_TYPES) expect(type).toMatch(/^service-desk\.[a-z-]+\.v\d+$/);
  });
});
