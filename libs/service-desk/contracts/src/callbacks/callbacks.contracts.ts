import { streamCategory, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_SOURCE, serviceDeskEnvelope, type ServiceDeskIntegrationEventEnvelope } from '../shared/integration-envelope';

/**
 * SD-11 published language: a project was delivered to its customer, which opens its callback
 * file (回访: monthly for the first 12 months, then quarterly). Downstream consumers (CRM,
 * reporting) use it to know which projects are in after-sales care and since when.
 */
export interface ProjectDeliveredV1Data {
  /** Project id (service-desk reference data). */
  projectId: string;
  /** Project name at delivery. */
  projectName: string;
  /** Customer id the project belongs to. */
  customerId: string;
  /** Asia/Shanghai calendar date of delivery (YYYY-MM-DD); the first callback window starts on it. */
  deliveredOn: string;
  /** Staff id of whoever recorded the delivery. */
  deliveredBy: string;
}

/** `service-desk.project-delivered.v1`; subject and Kafka key are the callback-file stream of the project. */
export type ProjectDeliveredV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.project-delivered.v1', ProjectDeliveredV1Data>;

export type CallbacksIntegrationEvent = ProjectDeliveredV1;

export const CALLBACKS_INTEGRATION_EVENT_TYPES: readonly CallbacksIntegrationEvent['type'][] = ['service-desk.project-delivered.v1'];

/** The domain event this mapping reads, as the contracts see it (contracts may not import the domain). */
export interface ProjectDeliveredSourceEvent {
  type: 'ProjectDelivered';
  data: ProjectDeliveredV1Data;
}

const callbackFileStreams = streamCategory(SERVICE_DESK_SOURCE, 'callback-file');

function isProjectDelivered(event: RecordedEvent): event is RecordedEvent<ProjectDeliveredSourceEvent> {
  return event.type === 'ProjectDelivered' && callbackFileStreams.owns(event.metadata.streamId);
}

/**
 * Maps a recorded domain event to its callbacks integration event, or null when it is not one
 * (callbacks themselves stay internal). Fields are copied one by one so new domain fields never
 * leak into the published v1 contract.
 */
export function toCallbacksIntegrationEvent(event: RecordedEvent): CallbacksIntegrationEvent | null {
  if (!isProjectDelivered(event)) return null;
  const d = event.data;
  return serviceDeskEnvelope('service-desk.project-delivered.v1', event, d.projectId, {
    projectId: d.projectId,
    projectName: d.projectName,
    customerId: d.customerId,
    deliveredOn: d.deliveredOn,
    deliveredBy: d.deliveredBy,
  });
}
