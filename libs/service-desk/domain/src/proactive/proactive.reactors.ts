import type { ReactionContext, Reactor, RecordedEvent } from '@ebp/shared-eventsourcing';
import { inForce, shanghaiDate, type PolicyHistory } from '@ebp/shared-kernel';
import { DEFAULT_POLICIES } from '../shared/service-desk.policy';
import { ticketStream } from '../ticket/ticket.streams';
import type { RegisterTicket } from '../ticket/ticket.commands';
import { ticketDecider } from '../ticket/ticket.decider';
import type { InspectionRecorded } from './inspection.events';
import { inspectionStreams, researchVisitStreams, satisfactionSurveyStreams } from './proactive.streams';
import { surveyChannel } from './satisfaction-survey.decider';
import { SURVEY_DIMENSIONS, type SatisfactionSurveyRecorded, type SurveyDimension } from './satisfaction-survey.events';
import type { VisitFeedbackRecorded } from './research-visit.events';

/** Ticket ids derived from the causing event, so a redelivered event meets an existing ticket. */
export const inspectionFindingTicketId = (eventId: string, findingIndex: number): string => `inspection-${eventId}-${findingIndex + 1}`;
export const surveyFollowUpTicketId = (eventId: string): string => `survey-${eventId}`;
export const visitComplaintTicketId = (eventId: string): string => `visit-${eventId}`;

function isInspectionRecorded(event: RecordedEvent): event is RecordedEvent<InspectionRecorded> {
  return inspectionStreams.owns(event.metadata.streamId) && event.type === 'InspectionRecorded';
}

function isSurveyRecorded(event: RecordedEvent): event is RecordedEvent<SatisfactionSurveyRecorded> {
  return satisfactionSurveyStreams.owns(event.metadata.streamId) && event.type === 'SatisfactionSurveyRecorded';
}

function isComplaintRecorded(event: RecordedEvent): event is RecordedEvent<VisitFeedbackRecorded> {
  return (
    researchVisitStreams.owns(event.metadata.streamId) &&
    event.type === 'VisitFeedbackRecorded' &&
    (event.data as VisitFeedbackRecorded['data']).kind === 'complaint'
  );
}

/** SD-16: one on-site service request per inspection finding, owned by the inspecting project manager. */
export function inspectionFindingTickets(event: RecordedEvent<InspectionRecorded>, now: string): RegisterTicket[] {
  const d = event.data;
  return d.findings.map((finding, index) => ({
    type: 'RegisterTicket',
    data: {
      ticketId: inspectionFindingTicketId(event.metadata.eventId, index),
      channel: 'on-site',
      kind: 'service-request',
      customerId: d.customerId,
      projectId: d.projectId,
      description: `Inspection ${d.inspectionId} finding ${index + 1} (${finding.severity}): ${finding.description}`,
      receivedAt: d.inspectedAt,
      major: false,
      ownerId: d.inspectorId,
      ownerDepartment: d.inspectorDepartment,
      generalManagerId: null,
    },
    metadata: { now },
  }));
}

/** SD-16: the dimensions scored at or below the threshold in force on the survey's date. */
export function lowScores(
  data: SatisfactionSurveyRecorded['data'],
  threshold: PolicyHistory<{ score: number }> = DEFAULT_POLICIES.surveyFollowUpAtOrBelow,
): SurveyDimension[] {
  const atOrBelow = inForce(threshold, shanghaiDate(data.surveyedAt)).score;
  return SURVEY_DIMENSIONS.filter((dimension) => data.scores[dimension] <= atOrBelow);
}

/**
 * SD-16: a low score opens one follow-up **service request** (not a complaint: the customer did
 * not complain, and complaint tickets count against staff in HR) on the survey's channel.
 */
export function surveyFollowUpTicket(event: RecordedEvent<SatisfactionSurveyRecorded>, low: SurveyDimension[], now: string): RegisterTicket {
  const d = event.data;
  const scores = low.map((dimension) => `${dimension} ${d.scores[dimension]}`).join(', ');
  return {
    type: 'RegisterTicket',
    data: {
      ticketId: surveyFollowUpTicketId(event.metadata.eventId),
      channel: surveyChannel(d.method),
      kind: 'service-request',
      customerId: d.customerId,
      projectId: d.projectId,
      description: `Satisfaction survey ${d.surveyId} follow-up: low scores ${scores}${d.comment ? ` — ${d.comment}` : ''}`,
      receivedAt: d.surveyedAt,
      major: false,
      ownerId: d.surveyedBy,
      ownerDepartment: d.surveyorDepartment,
      generalManagerId: null,
    },
    metadata: { now },
  };
}

/** SD-16: a complaint heard on a research visit becomes a complaint ticket owned by whoever recorded it. */
export function visitComplaintTicket(event: RecordedEvent<VisitFeedbackRecorded>, now: string): RegisterTicket {
  const d = event.data;
  return {
    type: 'RegisterTicket',
    data: {
      ticketId: visitComplaintTicketId(event.metadata.eventId),
      channel: 'on-site',
      kind: 'complaint',
      customerId: d.customerId,
      projectId: null,
      description: `Research visit ${d.visitId} complaint: ${d.text}`,
      receivedAt: d.recordedAt,
      major: false,
      ownerId: d.recordedBy,
      ownerDepartment: d.recorderDepartment,
      generalManagerId: null,
    },
    metadata: { now },
  };
}

export const inspectionFindingReactor: Reactor = {
  name: 'service-desk-proactive-inspection-finding-tickets',
  async react(event: RecordedEvent, context: ReactionContext): Promise<void> {
    if (!isInspectionRecorded(event)) return;
    const count = event.data.findings.length;
    for (let index = 0; index < count; index++) {
      await context.execute(ticketDecider, ticketStream(inspectionFindingTicketId(event.metadata.eventId, index)), (now) =>
        inspectionFindingTickets(event, now)[index],
      );
    }
  },
};

export const surveyFollowUpReactor: Reactor = {
  name: 'service-desk-proactive-survey-follow-up-ticket',
  async react(event: RecordedEvent, context: ReactionContext): Promise<void> {
    if (!isSurveyRecorded(event)) return;
    const low = lowScores(event.data);
    if (low.length === 0) return;
    await context.execute(ticketDecider, ticketStream(surveyFollowUpTicketId(event.metadata.eventId)), (now) =>
      surveyFollowUpTicket(event, low, now),
    );
  },
};

export const visitComplaintReactor: Reactor = {
  name: 'service-desk-proactive-visit-complaint-ticket',
  async react(event: RecordedEvent, context: ReactionContext): Promise<void> {
    if (!isComplaintRecorded(event)) return;
    await context.execute(ticketDecider, ticketStream(visitComplaintTicketId(event.metadata.eventId)), (now) => visitComplaintTicket(event, now));
  },
};
