import { streamCategory, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_SOURCE, serviceDeskEnvelope, type ServiceDeskIntegrationEventEnvelope } from '../shared/integration-envelope';

/** The five satisfaction dimensions (SD-16), each scored 1 (poor) to 5 (excellent). */
export interface SatisfactionScoresV1 {
  installation: number;
  'system-operation': number;
  implementation: number;
  'after-sales-service': number;
  training: number;
}

/**
 * SD-16 published language: customer service or the business department recorded a customer
 * satisfaction survey. Downstream reporting aggregates it; HR may credit the surveyor.
 */
export interface SatisfactionSurveyRecordedV1Data {
  /** Survey id. */
  surveyId: string;
  /** Customer id (service-desk reference data). */
  customerId: string;
  /** Project id, or null when the survey concerns the customer as a whole. */
  projectId: string | null;
  /** How the customer was surveyed. */
  method: 'phone' | 'letter' | 'on-site' | 'fax' | 'email';
  /** When the customer was surveyed, ISO-8601 with offset. */
  surveyedAt: string;
  /** Scores 1–5 per dimension. */
  scores: SatisfactionScoresV1;
  /** Staff id of the surveyor. */
  surveyedBy: string;
}

/** `service-desk.satisfaction-survey-recorded.v1`; the Kafka key is the survey stream. */
export type SatisfactionSurveyRecordedV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.satisfaction-survey-recorded.v1', SatisfactionSurveyRecordedV1Data>;

export type ProactiveIntegrationEvent = SatisfactionSurveyRecordedV1;

export const PROACTIVE_INTEGRATION_EVENT_TYPES: readonly ProactiveIntegrationEvent['type'][] = ['service-desk.satisfaction-survey-recorded.v1'];

/** The domain event this mapping reads, as the contracts see it (contracts may not import the domain). */
export type ProactiveSourceEvent = {
  type: 'SatisfactionSurveyRecorded';
  data: SatisfactionSurveyRecordedV1Data & { comment: string | null; surveyorDepartment: string; recordedAt: string };
};

const satisfactionSurveyStreams = streamCategory(SERVICE_DESK_SOURCE, 'satisfaction-survey');

/** Maps a recorded survey to its integration event (the free-text comment stays internal), else null. */
export function toProactiveIntegrationEvent(event: RecordedEvent): ProactiveIntegrationEvent | null {
  if (event.type !== 'SatisfactionSurveyRecorded' || !satisfactionSurveyStreams.owns(event.metadata.streamId)) return null;
  const d = (event as unknown as ProactiveSourceEvent).data;
  return serviceDeskEnvelope('service-desk.satisfaction-survey-recorded.v1', event, d.surveyId, {
    surveyId: d.surveyId,
    customerId: d.customerId,
    projectId: d.projectId,
    method: d.method,
    surveyedAt: d.surveyedAt,
    scores: { ...d.scores },
    surveyedBy: d.surveyedBy,
  });
}
