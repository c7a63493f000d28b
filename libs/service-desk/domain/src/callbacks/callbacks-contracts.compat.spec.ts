import { toCallbacksIntegrationEvent, type ProjectDeliveredSourceEvent } from '@ebp/service-desk-contracts';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import type { CallbackRecorded, ProjectDelivered } from './callback-file.events';
import { callbackFileStream } from './callbacks.streams';

// Compile-time: the domain delivery event stays readable by the published contract.
const asSource = (event: ProjectDelivered): ProjectDeliveredSourceEvent => event;

const delivered: ProjectDelivered = {
  type: 'ProjectDelivered',
  data: { projectId: 'p-1', projectName: 'SCADA', customerId: 'c-1', deliveredOn: '2025-03-15', deliveredBy: 'pm-wu', recordedAt: 'internal' },
};

describe('callback events → integration events', () => {
  it('SD-11 ProjectDelivered maps to service-desk.project-delivered.v1 without internal fields', () => {
    const event = recorded(asSource(delivered), { streamId: callbackFileStream('p-1'), eventId: 'e-1', position: 9, correlationId: 'corr', causationId: 'cmd-1' });
    expect(toCallbacksIntegrationEvent(event)).toEqual({
      type: 'service-desk.project-delivered.v1',
      id: 'e-1',
      source: 'service-desk',
      subject: 'p-1',
      streamId: 'service-desk.callback-file.p-1',
      position: 9,
      occurredAt: event.metadata.occurredAt,
      correlationId: 'corr',
      causationId: 'cmd-1',
      data: { projectId: 'p-1', projectName: 'SCADA', customerId: 'c-1', deliveredOn: '2025-03-15', deliveredBy: 'pm-wu' },
    });
  });

  it('SD-11 callbacks and other streams publish nothing', () => {
    const call: CallbackRecorded = {
      type: 'CallbackRecorded',
      data: { projectId: 'p-1', customerId: 'c-1', outcome: 'satisfied', notes: null, satisfaction: 5, calledAt: 'x', calledOn: 'x', calledBy: 'cs', recordedAt: 'x' },
    };
    expect(toCallbacksIntegrationEvent(recorded(call, { streamId: callbackFileStream('p-1') }))).toBeNull();
    expect(toCallbacksIntegrationEvent(recorded(delivered, { streamId: 'service-desk.ticket.t-1' }))).toBeNull();
  });
});
