import { ProjectionSpecification, recorded } from '@ebp/shared-eventsourcing/testing';
import type { DomainEvent, RecordedEvent } from '@ebp/shared-eventsourcing';
import {
  inspectionStream,
  serviceLadderStream,
  shirkingFindingStream,
  faultStream,
  ticketStream,
  type TicketRegistered,
  type TicketResolved,
} from '@ebp/service-desk-domain';
import { monthlyFiguresProjection, type MonthlyFiguresView } from './monthly-figures.projection';
import { openAt, supervisionFigures } from './report.queries';

let position = 0;
const on = <E extends DomainEvent>(streamId: string, event: E): RecordedEvent =>
  recorded(event, { streamId, position: ++position, occurredAt: '2026-04-01T10:00:00+08:00' });

const registered = (ticketId: string, receivedAt: string, kind: TicketRegistered['data']['kind'] = 'inquiry'): RecordedEvent =>
  on(ticketStream(ticketId), {
    type: 'TicketRegistered',
    data: {
      ticketId,
      channel: 'hotline',
      kind,
      customerId: 'c-1',
      projectId: null,
      description: 'x',
      receivedAt,
      registeredAt: receivedAt,
      ownerId: 'cs-li',
      ownerDepartment: 'customer-service',
      major: false,
    },
  } satisfies TicketRegistered);

const resolved = (ticketId: string, receivedAt: string, resolvedAt: string, atFirstContact: boolean): RecordedEvent =>
  on(ticketStream(ticketId), {
    type: 'TicketResolved',
    data: {
      ticketId,
      customerId: 'c-1',
      kind: 'inquiry',
      major: false,
      ownerId: 'cs-li',
      handlerId: 'cs-li',
      handlingDepartment: 'customer-service',
      receivedAt,
      resolvedBy: 'cs-li',
      resolution: 'done',
      resolvedAt,
      atFirstContact,
      liaisonFormPending: false,
      emergency: false,
      transferCount: 0,
      repeatContactCount: 0,
    },
  } satisfies TicketResolved);

const counters = (docs: Record<string, MonthlyFiguresView | null>, month: string) => ({ ...docs[month], updatedAt: 'ignored' });

describe('SD-9 monthly figures projection', () => {
  const spec = ProjectionSpecification.for(monthlyFiguresProjection);

  it('SD-9 counts each event in the Asia/Shanghai month of its business time (23:30 on 31 March is March)', () => {
    const docs = spec
      .given([
        registered('t-1', '2026-03-31T23:30:00+08:00', 'complaint'),
        registered('t-2', '2026-03-31T16:00:00Z'), // 00:00 on 1 April in Shanghai
        resolved('t-1', '2026-03-31T23:30:00+08:00', '2026-04-01T01:00:00+08:00', true),
      ])
      .then({});
    expect(counters(docs, '2026-03')).toMatchObject({ month: '2026-03', received: 1, complaints: 1, resolved: 0 });
    expect(counters(docs, '2026-04')).toMatchObject({ received: 1, complaints: 0, resolved: 1, resolvedAtFirstContact: 1, resolveMinutes: [90] });
  });

  it('SD-9 counts transfers, repeat contacts, breached arrivals only, inspections, faults and findings', () => {
    const at = '2026-03-10T10:00:00+08:00';
    const docs = spec
      .given([
        on(ticketStream('t-1'), {
          type: 'TicketTransferred',
          data: { ticketId: 't-1', ownerId: 'a', fromHandlerId: 'a', fromDepartment: 'x', toHandlerId: 'b', toDepartment: 'y', reason: 'r', transferredBy: 'a', transferredAt: at, viaAlternate: false, transferCount: 1 },
        }),
        on(ticketStream('t-1'), {
          type: 'RepeatContactRecorded',
          data: { ticketId: 't-1', channel: 'hotline', contactedAt: at, note: null, recordedBy: 'a', recordedAt: at, repeatContactCount: 1 },
        }),
        on(serviceLadderStream('t-1'), {
          type: 'OnSiteArrivalRecorded',
          data: { ticketId: 't-1', siteId: 's', arrivedAt: at, deadline: at, breached: true, minutesLate: 5, recordedBy: 'a', recordedAt: at },
        }),
        on(serviceLadderStream('t-2'), {
          type: 'OnSiteArrivalRecorded',
          data: { ticketId: 't-2', siteId: 's', arrivedAt: at, deadline: at, breached: false, minutesLate: 0, recordedBy: 'a', recordedAt: at },
        }),
        on(inspectionStream('i-1'), { type: 'InspectionRecorded', data: { inspectionId: 'i-1', inspectedAt: at } }),
        on(faultStream('f-1'), { type: 'FaultReported', data: { faultId: 'f-1', occurredAt: at, reportedAt: at } }),
        on(faultStream('f-1'), { type: 'FaultResolved', data: { faultId: 'f-1', resolvedAt: at } }),
        on(shirkingFindingStream('s-1'), { type: 'ShirkingFindingRecorded', data: { findingId: 's-1', recordedAt: at } }),
        // A ticket-expectation stream is not a ticket stream, though `categoryOf` would say so.
        on('service-desk.ticket-expectation.t-1', { type: 'TicketRegistered', data: { receivedAt: at } }),
      ])
      .then({});
    expect(counters(docs, '2026-03')).toEqual({
      month: '2026-03',
      received: 0,
      complaints: 0,
      repeatContacts: 1,
      transfers: 1,
      resolved: 0,
      resolvedAtFirstContact: 0,
      resolveMinutes: [],
      onSiteBreaches: 1,
      inspectionsDone: 1,
      majorFaults: 1,
      shirkingFindings: 1,
      updatedAt: 'ignored',
    });
  });

  it('SD-9 a redelivered event (same position) is applied once', () => {
    const event = registered('t-9', '2026-05-02T09:00:00+08:00');
    const docs = spec.given([event, event]).then({});
    expect(docs['2026-05']?.received).toBe(1);
  });

  it('SD-9 figures: rate null with nothing resolved, median of durations, open at month end carried', () => {
    const base = spec.given([registered('t-1', '2026-06-01T09:00:00+08:00')]).then({})['2026-06'];
    if (!base) throw new Error('no document');
    expect(supervisionFigures('2026-06', base, 3, { due: 2, done: 1 })).toMatchObject({
      received: 1,
      resolved: 0,
      firstContactResolutionRate: null,
      medianMinutesToResolve: null,
      openAtMonthEnd: 3,
      callbacksDue: 2,
      callbacksDone: 1,
    });
    const withResolutions = { ...base, resolved: 3, resolvedAtFirstContact: 2, resolveMinutes: [30, 600, 60] };
    expect(supervisionFigures('2026-06', withResolutions, 0, { due: 0, done: 0 })).toMatchObject({ firstContactResolutionRate: 0.6667, medianMinutesToResolve: 60 });
    const end = '2026-07-01T00:00:00+08:00';
    expect(
      openAt(
        [
          { receivedAt: '2026-06-30T23:30:00+08:00', resolvedAt: null },
          { receivedAt: '2026-05-30T10:00:00+08:00', resolvedAt: '2026-07-01T08:00:00+08:00' },
          { receivedAt: '2026-06-10T10:00:00+08:00', resolvedAt: '2026-06-30T15:00:00Z' },
          { receivedAt: '2026-06-30T16:00:00Z', resolvedAt: null },
        ],
        end,
      ),
    ).toBe(2);
  });
});
