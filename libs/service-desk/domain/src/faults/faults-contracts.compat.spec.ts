import { toFaultIntegrationEvent, type FaultSourceEvent } from '@ebp/service-desk-contracts';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { FaultClosed, FaultReported } from './fault.events';
import { faultStream } from './faults.streams';

// Compile-time: the published fault contracts can read the domain events they map.
const asSource = (event: FaultReported | FaultClosed): FaultSourceEvent => event;

const NOW = '2026-03-02T09:00:00+08:00';

describe('fault events → integration events', () => {
  it('SD-14 a reported and a closed fault map to the published v1 events; internal steps do not', () => {
    const reported: FaultReported = {
      type: 'FaultReported',
      data: {
        faultId: 'f-9',
        reportedBy: 'cs-li',
        reportedAt: NOW,
        occurredAt: NOW,
        location: 'plant',
        symptoms: 'down',
        contingencyPlan: 'manual',
        customerId: 'c-1',
        projectId: null,
        businessSignerId: null,
        managerInChargeId: 'ts-wang',
        notified: ['ts-wang'],
      },
    };
    const closed: FaultClosed = { type: 'FaultClosed', data: { faultId: 'f-9', closedBy: 'ts-wang', closedAt: NOW, customerId: 'c-1', projectId: null } };
    const streamId = faultStream('f-9');
    expect(toFaultIntegrationEvent(recorded(asSource(reported), { streamId }))).toMatchObject({
      type: 'service-desk.fault-reported.v1',
      subject: 'f-9',
      streamId,
      data: { managerInChargeId: 'ts-wang', notified: ['ts-wang'] },
    });
    expect(toFaultIntegrationEvent(recorded(asSource(closed), { streamId }))).toMatchObject({ type: 'service-desk.fault-closed.v1', data: { closedBy: 'ts-wang' } });
    const progress = { type: 'FaultProgressRecorded', data: { faultId: 'f-9', recordedBy: 'x', recordedAt: NOW, note: 'n' } };
    expect(toFaultIntegrationEvent(recorded(progress, { streamId }))).toBeNull();
    expect(toFaultIntegrationEvent(recorded(reported, { streamId: 'service-desk.ticket.1' }))).toBeNull();
  });
});
