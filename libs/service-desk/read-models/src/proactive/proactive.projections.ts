import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import {
  inspectionFindingTicketId,
  inspectionStreams,
  researchVisitStreams,
  satisfactionSurveyStreams,
  lowScores,
  surveyFollowUpTicketId,
  visitComplaintTicketId,
  type FindingSeverity,
  type InspectionEvent,
  type ResearchVisitEvent,
  type SatisfactionSurveyEvent,
  type SurveyDimension,
  type SurveyMethod,
  type SurveyScores,
  type VisitFeedbackKind,
} from '@ebp/service-desk-domain';
import { shanghaiDate } from '@ebp/shared-kernel';

export const INSPECTIONS_COLLECTION = 'sd_inspections';
export const SATISFACTION_SURVEYS_COLLECTION = 'sd_satisfaction_surveys';
export const RESEARCH_VISITS_COLLECTION = 'sd_research_visits';

export interface InspectionFindingView {
  description: string;
  severity: FindingSeverity;
  /** SD-16: the ticket the finding opened (derived from the inspection event id). */
  ticketId: string;
}

export interface InspectionView {
  inspectionId: string;
  projectId: string;
  customerId: string;
  inspectorId: string;
  inspectedAt: string;
  /** Asia/Shanghai calendar date of `inspectedAt`. */
  inspectedDate: string;
  recordedAt: string;
  findings: InspectionFindingView[];
}

export interface SatisfactionSurveyView {
  surveyId: string;
  customerId: string;
  projectId: string | null;
  method: SurveyMethod;
  surveyedAt: string;
  /** Asia/Shanghai calendar date of `surveyedAt`; statistics periods select on it. */
  surveyedDate: string;
  scores: SurveyScores;
  comment: string | null;
  surveyedBy: string;
  /** SD-16: dimensions at or below the follow-up threshold in force on the survey date. */
  lowDimensions: SurveyDimension[];
  followUpTicketId: string | null;
}

export interface VisitFeedbackView {
  feedbackId: string;
  kind: VisitFeedbackKind;
  text: string;
  recordedBy: string;
  recordedAt: string;
  /** SD-16: the complaint ticket, null for opinions and suggestions. */
  ticketId: string | null;
}

export interface ResearchVisitView {
  visitId: string;
  customerId: string;
  visitedAt: string;
  leaderId: string;
  status: 'open' | 'closed';
  feedback: VisitFeedbackView[];
  complaints: number;
  summary: string | null;
  solutionPlan: string | null;
  closedBy: string | null;
  closedAt: string | null;
}

export function evolveInspectionView(_doc: InspectionView | null, event: RecordedEvent<InspectionEvent>): InspectionView | null {
  const e = { type: event.type, data: event.data } as InspectionEvent;
  switch (e.type) {
    case 'InspectionRecorded': {
      const d = e.data;
      return {
        inspectionId: d.inspectionId,
        projectId: d.projectId,
        customerId: d.customerId,
        inspectorId: d.inspectorId,
        inspectedAt: d.inspectedAt,
        inspectedDate: shanghaiDate(d.inspectedAt),
        recordedAt: d.recordedAt,
        findings: d.findings.map((f, i) => ({ ...f, ticketId: inspectionFindingTicketId(event.metadata.eventId, i) })),
      };
    }
    default:
      return assertNever(e.type);
  }
}

export function evolveSatisfactionSurveyView(_doc: SatisfactionSurveyView | null, event: RecordedEvent<SatisfactionSurveyEvent>): SatisfactionSurveyView | null {
  const e = { type: event.type, data: event.data } as SatisfactionSurveyEvent;
  switch (e.type) {
    case 'SatisfactionSurveyRecorded': {
      const d = e.data;
      const low = lowScores(d);
      return {
        surveyId: d.surveyId,
        customerId: d.customerId,
        projectId: d.projectId,
        method: d.method,
        surveyedAt: d.surveyedAt,
        surveyedDate: shanghaiDate(d.surveyedAt),
        scores: d.scores,
        comment: d.comment,
        surveyedBy: d.surveyedBy,
        lowDimensions: low,
        followUpTicketId: low.length > 0 ? surveyFollowUpTicketId(event.metadata.eventId) : null,
      };
    }
    default:
      return assertNever(e.type);
  }
}

export function evolveResearchVisitView(doc: ResearchVisitView | null, event: RecordedEvent<ResearchVisitEvent>): ResearchVisitView | null {
  const e = { type: event.type, data: event.data } as ResearchVisitEvent;
  switch (e.type) {
    case 'ResearchVisitOpened': {
      const { visitId, customerId, visitedAt, leaderId } = e.data;
      const empty = { feedback: [], complaints: 0, summary: null, solutionPlan: null, closedBy: null, closedAt: null };
      return { visitId, customerId, visitedAt, leaderId, status: 'open', ...empty };
    }
    case 'VisitFeedbackRecorded': {
      if (!doc) return doc;
      const { feedbackId, kind, text, recordedBy, recordedAt } = e.data;
      const ticketId = kind === 'complaint' ? visitComplaintTicketId(event.metadata.eventId) : null;
      const complaints = doc.complaints + (kind === 'complaint' ? 1 : 0);
      return { ...doc, complaints, feedback: [...doc.feedback, { feedbackId, kind, text, recordedBy, recordedAt, ticketId }] };
    }
    case 'ResearchVisitClosed': {
      if (!doc) return doc;
      const { summary, solutionPlan, closedBy, closedAt } = e.data;
      return { ...doc, status: 'closed', summary, solutionPlan, closedBy, closedAt };
    }
    default:
      return assertNever(e);
  }
}

export const inspectionProjection: Projection<InspectionView> = {
  name: 'service-desk-inspections',
  collection: INSPECTIONS_COLLECTION,
  indexes: ['projectId', 'inspectedDate'],
  documentId: (event) => (inspectionStreams.owns(event.metadata.streamId) && event.type === 'InspectionRecorded' ? (event.data as { inspectionId: string }).inspectionId : null),
  evolve: (doc, event) => evolveInspectionView(doc, event as RecordedEvent<InspectionEvent>),
};

export const satisfactionSurveyProjection: Projection<SatisfactionSurveyView> = {
  name: 'service-desk-satisfaction-surveys',
  collection: SATISFACTION_SURVEYS_COLLECTION,
  indexes: ['surveyedDate', 'customerId'],
  documentId: (event) =>
    satisfactionSurveyStreams.owns(event.metadata.streamId) && event.type === 'SatisfactionSurveyRecorded' ? (event.data as { surveyId: string }).surveyId : null,
  evolve: (doc, event) => evolveSatisfactionSurveyView(doc, event as RecordedEvent<SatisfactionSurveyEvent>),
};

const VISIT_EVENTS: ReadonlySet<string> = new Set<ResearchVisitEvent['type']>(['ResearchVisitOpened', 'VisitFeedbackRecorded', 'ResearchVisitClosed']);

export const researchVisitProjection: Projection<ResearchVisitView> = {
  name: 'service-desk-research-visits',
  collection: RESEARCH_VISITS_COLLECTION,
  indexes: ['customerId', 'status', 'visitedAt'],
  documentId: (event) =>
    researchVisitStreams.owns(event.metadata.streamId) && VISIT_EVENTS.has(event.type) ? (event.data as { visitId: string }).visitId : null,
  evolve: (doc, event) => evolveResearchVisitView(doc, event as RecordedEvent<ResearchVisitEvent>),
};
