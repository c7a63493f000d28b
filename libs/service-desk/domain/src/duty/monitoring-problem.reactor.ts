import type { ReactionContext, Reactor, RecordedEvent } from '@ebp/shared-eventsourcing';
import { ticketDecider } from '../ticket/ticket.decider';
import type { RegisterTicket } from '../ticket/ticket.commands';
import { ticketStream } from '../ticket/ticket.streams';
import { DUTY_DEPARTMENT } from './duty-roster.decider';
import type { MonitoringCheckLogged } from './duty-roster.events';
import { dutyRosterStreams } from './duty.streams';

/** The ticket opened for a monitoring problem: derived from the causing event, so redelivery is a no-op. */
export const monitoringProblemTicketId = (eventId: string): string => `duty-${eventId}`;

function isProblemFound(event: RecordedEvent): event is RecordedEvent<MonitoringCheckLogged> {
  return (
    dutyRosterStreams.owns(event.metadata.streamId) &&
    event.type === 'MonitoringCheckLogged' &&
    (event.data as MonitoringCheckLogged['data']).outcome === 'problem'
  );
}

/** SD-15: a problem found on a holiday monitoring check opens a ticket owned by the staff on duty. */
export function monitoringProblemTicket(event: RecordedEvent<MonitoringCheckLogged>, now: string): RegisterTicket {
  const d = event.data;
  return {
    type: 'RegisterTicket',
    data: {
      ticketId: monitoringProblemTicketId(event.metadata.eventId),
      channel: 'web',
      kind: 'service-request',
      customerId: d.customerId,
      projectId: null,
      description: `Holiday monitoring ${d.date}, ${d.target}: ${d.description ?? 'problem found'}`,
      receivedAt: d.checkedAt,
      major: false,
      ownerId: d.checkedBy,
      ownerDepartment: DUTY_DEPARTMENT,
      generalManagerId: null,
    },
    metadata: { now },
  };
}

export const monitoringProblemReactor: Reactor = {
  name: 'service-desk-duty-monitoring-problem-ticket',
  async react(event: RecordedEvent, context: ReactionContext): Promise<void> {
    if (!isProblemFound(event)) return;
    await context.execute(ticketDecider, ticketStream(monitoringProblemTicketId(event.metadata.eventId)), (now) =>
      monitoringProblemTicket(event, now),
    );
  },
};
