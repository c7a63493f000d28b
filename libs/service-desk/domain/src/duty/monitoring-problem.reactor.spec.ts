import type { DomainEvent, ReactionContext } from '@ebp/shared-eventsourcing';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import { ticketStream } from '../ticket/ticket.streams';
import type { MonitoringCheckLogged } from './duty-roster.events';
import { dutyRosterStream } from './duty.streams';
import { monitoringProblemReactor } from './monitoring-problem.reactor';

const logged = (outcome: 'ok' | 'problem'): MonitoringCheckLogged => ({
  type: 'MonitoringCheckLogged',
  data: {
    year: 2026,
    checkId: 'chk-1',
    date: '2026-02-17',
    customerId: 'c-hz-water',
    target: 'https://water.example.cn',
    outcome,
    description: outcome === 'problem' ? 'site returns 502' : null,
    checkedBy: 'cs-li',
    checkedAt: '2026-02-17T10:00:00+08:00',
  },
});

function capture(): { context: ReactionContext; calls: { streamId: string; command: unknown }[] } {
  const calls: { streamId: string; command: unknown }[] = [];
  return {
    calls,
    context: {
      execute: async (_decider, streamId, build) => {
        calls.push({ streamId, command: build('2026-02-17T10:00:05+08:00') });
      },
    },
  };
}

describe('monitoring problem reactor', () => {
  it('SD-15 a problem found registers a customer-service ticket owned by the staff on duty, id derived from the event', async () => {
    const { context, calls } = capture();
    const event = recorded<DomainEvent>(logged('problem'), { streamId: dutyRosterStream(2026), eventId: 'e-9' });
    await monitoringProblemReactor.react(event, context);
    expect(calls).toEqual([
      {
        streamId: ticketStream('duty-e-9'),
        command: {
          type: 'RegisterTicket',
          data: expect.objectContaining({
            ticketId: 'duty-e-9',
            channel: 'web',
            kind: 'service-request',
            customerId: 'c-hz-water',
            ownerId: 'cs-li',
            ownerDepartment: 'customer-service',
            receivedAt: '2026-02-17T10:00:00+08:00',
          }),
          metadata: { now: '2026-02-17T10:00:05+08:00' },
        },
      },
    ]);
  });

  it('SD-15 an ok check or another stream opens nothing', async () => {
    const { context, calls } = capture();
    await monitoringProblemReactor.react(recorded<DomainEvent>(logged('ok'), { streamId: dutyRosterStream(2026) }), context);
    await monitoringProblemReactor.react(recorded<DomainEvent>(logged('problem'), { streamId: 'service-desk.ticket.x' }), context);
    expect(calls).toEqual([]);
  });
});
