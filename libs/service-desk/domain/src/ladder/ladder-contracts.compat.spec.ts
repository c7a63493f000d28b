import { toLadderIntegrationEvent, type ShirkingFindingSourceEvent } from '@ebp/service-desk-contracts';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import { shirkingFindingStream } from './ladder.streams';
import type { ShirkingFindingEvent } from './shirking-finding.events';

// Compile-time: the domain event stays readable by the published contract.
const asSource = (event: ShirkingFindingEvent): ShirkingFindingSourceEvent => event;

const AT = '2026-03-02T15:00:00+08:00';
const STREAM = shirkingFindingStream('f-1');
const finding: ShirkingFindingSourceEvent = asSource({
  type: 'ShirkingFindingRecorded',
  data: {
    findingId: 'f-1',
    ticketId: 't-1',
    customerId: 'c-1',
    staffId: 'ts-chen',
    staffName: 'Chen Jie',
    staffDepartment: 'technical-service',
    kind: 'wrangling',
    sanction: 'education',
    description: 'argued with the network team instead of fixing',
    recordedBy: 'gm-zhao',
    recordedAt: AT,
  },
});

describe('ladder integration events', () => {
  it('SD-6 maps ShirkingFindingRecorded to service-desk.shirking-finding-recorded.v1 for HR', () => {
    const event = recorded(finding, { streamId: STREAM, eventId: 'e-9', position: 12, occurredAt: AT, correlationId: 'corr-9', causationId: 'cmd-9' });
    expect(toLadderIntegrationEvent(event)).toEqual({
      type: 'service-desk.shirking-finding-recorded.v1',
      id: 'e-9',
      source: 'service-desk',
      subject: 'f-1',
      streamId: STREAM,
      position: 12,
      occurredAt: AT,
      correlationId: 'corr-9',
      causationId: 'cmd-9',
      data: finding.data,
    });
  });

  it('SD-6 does not leak extra domain fields nor map other streams', () => {
    const extra = { type: 'ShirkingFindingRecorded', data: { ...finding.data, internal: 'x' } };
    expect(toLadderIntegrationEvent(recorded(extra, { streamId: STREAM }))?.data).toEqual(finding.data);
    expect(toLadderIntegrationEvent(recorded(finding, { streamId: 'service-desk.ticket.t-1' }))).toBeNull();
    expect(toLadderIntegrationEvent(recorded({ type: 'HotlineServiceStarted', data: {} }, { streamId: 'service-desk.service-ladder.t-1' }))).toBeNull();
  });
});
