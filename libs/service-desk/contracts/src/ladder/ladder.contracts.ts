import { streamCategory, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_SOURCE, serviceDeskEnvelope, type ServiceDeskIntegrationEventEnvelope } from '../shared/integration-envelope';

/**
 * SD-6 published language for HR: a supervisor's shirking finding (推诿/扯皮/不配合) against a
 * staff member, to be kept as a disciplinary record (HR-7). Versioned: a breaking change ships
 * as `.v2` next to `.v1`.
 */

/** 推诿 shirking, 扯皮 wrangling, 不配合 non-cooperation. */
export type ShirkingKindV1 = 'shirking' | 'wrangling' | 'non-cooperation';
/** The sanction the supervisor decided. */
export type ShirkingSanctionV1 = 'criticism' | 'education' | 'disciplinary-action' | 'reassignment';

export interface ShirkingFindingRecordedV1Data {
  /** Finding id; also the envelope subject. */
  findingId: string;
  /** Ticket the behaviour was found on. */
  ticketId: string;
  /** Customer of that ticket. */
  customerId: string;
  /** Staff id of the staff member the finding is against (the HR record's subject). */
  staffId: string;
  /** Name of that staff member at the time of the finding. */
  staffName: string;
  /** Department of that staff member at the time of the finding. */
  staffDepartment: string;
  /** What was found. */
  kind: ShirkingKindV1;
  /** The sanction decided by the supervisor. */
  sanction: ShirkingSanctionV1;
  /** What happened. */
  description: string;
  /** Staff id of the supervisor who recorded it. */
  recordedBy: string;
  /** When it was recorded, ISO-8601 with offset. */
  recordedAt: string;
}

export type ShirkingFindingRecordedV1 = ServiceDeskIntegrationEventEnvelope<
  'service-desk.shirking-finding-recorded.v1',
  ShirkingFindingRecordedV1Data
>;

export type LadderIntegrationEvent = ShirkingFindingRecordedV1;

export const LADDER_INTEGRATION_EVENT_TYPES: readonly LadderIntegrationEvent['type'][] = ['service-desk.shirking-finding-recorded.v1'];

/** The domain event this mapping reads, as the contracts see it (the domain spec checks assignability). */
export type ShirkingFindingSourceEvent = { type: 'ShirkingFindingRecorded'; data: ShirkingFindingRecordedV1Data };

/** Stream category of shirking findings (`service-desk.shirking-finding.<findingId>`). */
const shirkingFindingStreams = streamCategory(SERVICE_DESK_SOURCE, 'shirking-finding');

function isShirkingFindingRecorded(event: RecordedEvent): event is RecordedEvent<ShirkingFindingSourceEvent> {
  return shirkingFindingStreams.owns(event.metadata.streamId) && event.type === 'ShirkingFindingRecorded';
}

/**
 * Maps a recorded domain event of this area to its integration event, or null when it is not
 * published. Fields are copied one by one so a new domain field never leaks into v1.
 */
export function toLadderIntegrationEvent(event: RecordedEvent): LadderIntegrationEvent | null {
  if (!isShirkingFindingRecorded(event)) return null;
  const d = event.data;
  return serviceDeskEnvelope('service-desk.shirking-finding-recorded.v1', event, d.findingId, {
    findingId: d.findingId,
    ticketId: d.ticketId,
    customerId: d.customerId,
    staffId: d.staffId,
    staffName: d.staffName,
    staffDepartment: d.staffDepartment,
    kind: d.kind,
    sanction: d.sanction,
    description: d.description,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt,
  });
}
