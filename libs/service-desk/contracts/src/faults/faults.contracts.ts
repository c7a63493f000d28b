import { streamCategory, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_SOURCE, serviceDeskEnvelope, type ServiceDeskIntegrationEventEnvelope } from '../shared/integration-envelope';

/**
 * Major fault (故障报告, SD-14) integration events for downstream consumers. Versioned: a
 * breaking change ships as `.v2` next to `.v1`, never in place.
 */

export interface FaultReportedV1Data {
  faultId: string;
  /** Staff id of the first employee informed, who reported it. */
  reportedBy: string;
  /** When the fault occurred, ISO-8601 with offset. */
  occurredAt: string;
  location: string;
  symptoms: string;
  contingencyPlan: string;
  customerId: string;
  /** Project id, or null. */
  projectId: string | null;
  /** Staff id of the project's business signer (业务签单人员), or null. */
  businessSignerId: string | null;
  /** Staff id of the manager in charge. */
  managerInChargeId: string;
  /** Staff ids notified on report. */
  notified: string[];
}

export interface FaultClosedV1Data {
  faultId: string;
  customerId: string;
  projectId: string | null;
  /** Staff id of whoever closed it (only possible after the analysis report was filed). */
  closedBy: string;
  /** ISO-8601 with offset. */
  closedAt: string;
}

export type FaultReportedV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.fault-reported.v1', FaultReportedV1Data>;
export type FaultClosedV1 = ServiceDeskIntegrationEventEnvelope<'service-desk.fault-closed.v1', FaultClosedV1Data>;
export type FaultIntegrationEvent = FaultReportedV1 | FaultClosedV1;

export const FAULT_INTEGRATION_EVENT_TYPES: readonly FaultIntegrationEvent['type'][] = [
  'service-desk.fault-reported.v1',
  'service-desk.fault-closed.v1',
];

/** The fault domain events the mapping reads, as the contracts see them. */
export type FaultSourceEvent =
  | { type: 'FaultReported'; data: FaultReportedV1Data }
  | { type: 'FaultClosed'; data: FaultClosedV1Data };

const faultStreams = streamCategory(SERVICE_DESK_SOURCE, 'fault');

/** Maps a recorded fault event to its integration event, or null for internal steps and other streams. */
export function toFaultIntegrationEvent(event: RecordedEvent): FaultIntegrationEvent | null {
  if (!faultStreams.owns(event.metadata.streamId)) return null;
  if (event.type === 'FaultReported') {
    const d = event.data as FaultReportedV1Data;
    // Copied field by field so a new domain field never leaks into v1.
    return serviceDeskEnvelope('service-desk.fault-reported.v1', event, d.faultId, {
      faultId: d.faultId,
      reportedBy: d.reportedBy,
      occurredAt: d.occurredAt,
      location: d.location,
      symptoms: d.symptoms,
      contingencyPlan: d.contingencyPlan,
      customerId: d.customerId,
      projectId: d.projectId,
      businessSignerId: d.businessSignerId,
      managerInChargeId: d.managerInChargeId,
      notified: [...d.notified],
    });
  }
  if (event.type === 'FaultClosed') {
    const d = event.data as FaultClosedV1Data;
    return serviceDeskEnvelope('service-desk.fault-closed.v1', event, d.faultId, {
      faultId: d.faultId,
      customerId: d.customerId,
      projectId: d.projectId,
      closedBy: d.closedBy,
      closedAt: d.closedAt,
    });
  }
  return null;
}
