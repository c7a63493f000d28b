import { toIntegrationEvent, type TicketSourceEvent } from '@ebp/service-desk-contracts';
import { fold } from '@ebp/shared-eventsourcing';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { TicketCommand } from './ticket.commands';
import { ticketDecider } from './ticket.decider';
import type { TicketEvent } from './ticket.events';
import { ticketStream } from './ticket.streams';

// Compile-time: every domain ticket event stays readable by the published contracts.
const asSource = (event: TicketEvent): TicketSourceEvent => event;

const NOW = '2026-03-02T09:00:00+08:00';

describe('ticket events → integration events', () => {
  it('SD-1 SD-2 SD-3 SD-4 SD-5 SD-7 a ticket lifecycle maps to the published v1 events', () => {
    const commands: TicketCommand[] = [
      {
        type: 'RegisterTicket',
        data: {
          ticketId: 't-9',
          channel: 'web',
          kind: 'complaint',
          customerId: 'c-1',
          description: 'Portal down',
          ownerId: 'alice',
          ownerDepartment: 'customer-service',
          major: true,
          generalManagerId: 'gm',
        },
        metadata: { now: NOW },
      },
      {
        type: 'RecordRepeatContact',
        data: { ticketId: 't-9', channel: 'hotline', recordedBy: 'alice' },
        metadata: { now: NOW },
      },
      {
        type: 'TransferTicket',
        data: {
          ticketId: 't-9',
          transferredBy: 'alice',
          reason: 'server fault',
          targetDepartment: 'technical-service',
          responsibleManager: { staffId: 'bob', absent: false },
        },
        metadata: { now: NOW },
      },
      {
        type: 'ResolveTicket',
        data: { ticketId: 't-9', resolvedBy: 'bob', resolution: 'Restarted', liaisonFormFiled: false, emergency: true },
        metadata: { now: NOW },
      },
      { type: 'SubmitLiaisonForm', data: { ticketId: 't-9', submittedBy: 'bob' }, metadata: { now: NOW } },
    ];
    const history: TicketEvent[] = [];
    for (const command of commands) history.push(...ticketDecider.decide(command, fold(ticketDecider, history)));

    const published = history
      .map((e) => recorded(asSource(e), { streamId: ticketStream('t-9') }))
      .map(toIntegrationEvent)
      .map((e) => e?.type ?? null);

    expect(published).toEqual([
      'service-desk.ticket-registered.v1',
      'service-desk.ticket-escalated.v1',
      'service-desk.ticket-repeat-contact-recorded.v1',
      'service-desk.ticket-transferred.v1',
      'service-desk.ticket-resolved.v1',
      null,
    ]);
  });
});
