import { ProjectionSpecification, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { ticketStream, type TicketEvent } from '@ebp/service-desk-domain';
import { ticketProjection, type TicketView } from './ticket.projection';

const T0 = '2026-03-02T09:00:00.000+08:00';
const stream = ticketStream('t-1');
const on = (event: TicketEvent, actor = 'cs-li') => recorded(event, { streamId: stream, occurredAt: T0, actor: { userId: actor, roles: [] } });

const registered = (major = false): TicketEvent => ({
  type: 'TicketRegistered',
  data: {
    ticketId: 't-1',
    channel: 'hotline',
    kind: 'complaint',
    customerId: 'c-1',
    projectId: null,
    description: 'printer jammed',
    receivedAt: T0,
    registeredAt: T0,
    ownerId: 'cs-li',
    ownerDepartment: 'customer-service',
    major,
  },
});

const transferred: TicketEvent = {
  type: 'TicketTransferred',
  data: {
    ticketId: 't-1',
    ownerId: 'cs-li',
    fromHandlerId: 'cs-li',
    fromDepartment: 'customer-service',
    toHandlerId: 'ts-wang',
    toDepartment: 'technical-service',
    reason: 'hardware',
    transferredBy: 'cs-li',
    transferredAt: T0,
    viaAlternate: false,
    transferCount: 1,
  },
};

const resolved = (liaisonFormPending: boolean): TicketEvent => ({
  type: 'TicketResolved',
  data: {
    ticketId: 't-1',
    customerId: 'c-1',
    kind: 'complaint',
    major: false,
    ownerId: 'cs-li',
    handlerId: 'ts-wang',
    handlingDepartment: 'technical-service',
    receivedAt: T0,
    resolvedBy: 'ts-wang',
    resolution: 'replaced roller',
    resolvedAt: T0,
    atFirstContact: false,
    liaisonFormPending,
    emergency: false,
    transferCount: 1,
    repeatContactCount: 0,
  },
});

describe('ticket projection', () => {
  beforeEach(() => resetRecorded());
  const spec = ProjectionSpecification.for(ticketProjection);

  it('SD-3 a transferred ticket keeps its first-contact owner and shows the new handler', () => {
    const docs = spec.given([on(registered()), on(transferred)]).then({});
    expect(docs['t-1']).toMatchObject<Partial<TicketView>>({
      ownerId: 'cs-li',
      handlerId: 'ts-wang',
      handlingDepartment: 'technical-service',
      transferCount: 1,
      status: 'open',
      revision: 1,
    });
    expect(docs['t-1']!.history.map((h) => h.type)).toEqual(['TicketRegistered', 'TicketTransferred']);
  });

  it('SD-5 a ticket resolved before its liaison form shows the form pending until submitted', () => {
    const pending = spec.given([on(registered()), on(transferred), on(resolved(true), 'ts-wang')]).then({});
    expect(pending['t-1']).toMatchObject({ status: 'resolved', liaisonFormPending: true });
    resetRecorded();
    const filed = spec
      .given([
        on(registered()),
        on(transferred),
        on(resolved(true), 'ts-wang'),
        on({ type: 'LiaisonFormSubmitted', data: { ticketId: 't-1', submittedBy: 'ts-wang', submittedAt: T0, formReference: 'LF-1' } }),
      ])
      .then({});
    expect(filed['t-1']).toMatchObject({ liaisonFormPending: false, revision: 3 });
  });

  it('SD-4 an escalation marks the ticket major with the general manager named', () => {
    const docs = spec
      .given([
        on(registered(true)),
        on({ type: 'TicketEscalatedToGeneralManager', data: { ticketId: 't-1', generalManagerId: 'gm', escalatedBy: 'cs-li', escalatedAt: T0, reason: null } }),
      ])
      .then({});
    expect(docs['t-1']).toMatchObject({ major: true, generalManagerId: 'gm', escalatedToGeneralManagerAt: T0 });
  });

  it('SD-7 a repeat contact marks that the customer needed a second call', () => {
    const docs = spec
      .given([
        on(registered()),
        on({ type: 'RepeatContactRecorded', data: { ticketId: 't-1', channel: 'web', contactedAt: T0, note: null, recordedBy: 'cs-li', recordedAt: T0, repeatContactCount: 1 } }),
      ])
      .then({});
    expect(docs['t-1']).toMatchObject({ repeatContactCount: 1, neededSecondCall: true });
  });

  it('applies a redelivered event once', () => {
    const first = on(registered());
    const second = on(transferred);
    const docs = spec.given([first, second, second]).then({});
    expect(docs['t-1']!.history).toHaveLength(2);
  });

  it('ignores events of other streams', () => {
    const docs = spec.given([recorded({ type: 'StaffMemberRegistered', data: {} }, { streamId: 'service-desk.staff.x' })]).then({});
    expect(docs).toEqual({});
  });
});
