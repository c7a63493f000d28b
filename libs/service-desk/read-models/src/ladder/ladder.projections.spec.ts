import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import {
  customerPreferencesStream,
  serviceLadderStream,
  shirkingFindingStream,
  ticketExpectationStream,
  type CustomerPreferencesEvent,
  type ServiceLadderEvent,
  type ShirkingFindingEvent,
  type TicketExpectationEvent,
} from '@ebp/service-desk-domain';
import { customerDirectoryProjection } from '../directory/directory.projections';
import { ticketProjection } from '../ticket/ticket.projection';
import {
  customerPreferencesProjection,
  serviceLadderProjection,
  shirkingFindingProjection,
  ticketExpectationProjection,
} from './ladder.projections';

const AT = '2026-03-02T09:00:00+08:00';

/** Folds events the way the runner does: by document id, skipping events the projection ignores. */
function project<D extends object>(projection: Projection<D>, events: RecordedEvent[]): Map<string, D | null> {
  const docs = new Map<string, D | null>();
  for (const event of events) {
    const id = projection.documentId(event);
    if (id !== null) docs.set(id, projection.evolve(docs.get(id) ?? null, event));
  }
  return docs;
}

const ladderEvents: ServiceLadderEvent[] = [
  { type: 'HotlineServiceStarted', data: { ticketId: 't-1', customerId: 'c-1', startedBy: 'ts-wang', startedAt: AT, note: null, recordedAt: AT } },
  { type: 'RemoteServiceDeclaredImpossible', data: { ticketId: 't-1', reason: 'offline plant', declaredBy: 'ts-wang', declaredAt: AT, recordedAt: AT } },
  {
    type: 'OnSiteServiceDispatched',
    data: {
      ticketId: 't-1',
      siteId: 's-1',
      siteName: 'Plant',
      responseTimeMinutes: 60,
      dispatchedBy: 'ts-wang',
      dispatchedAt: AT,
      deadline: '2026-03-02T10:00:00+08:00',
      engineerId: null,
      recordedAt: AT,
    },
  },
  {
    type: 'OnSiteArrivalRecorded',
    data: { ticketId: 't-1', siteId: 's-1', arrivedAt: '2026-03-02T10:05:00+08:00', deadline: '2026-03-02T10:00:00+08:00', breached: true, minutesLate: 5, recordedBy: 'ts-li', recordedAt: AT },
  },
];
const finding: ShirkingFindingEvent = {
  type: 'ShirkingFindingRecorded',
  data: {
    findingId: 'f-1',
    ticketId: 't-1',
    customerId: 'c-1',
    staffId: 'ts-chen',
    staffName: 'Chen Jie',
    staffDepartment: 'technical-service',
    kind: 'shirking',
    sanction: 'criticism',
    description: 'passed the buck',
    recordedBy: 'gm',
    recordedAt: AT,
  },
};
const preference: CustomerPreferencesEvent = {
  type: 'CustomerPreferenceRecorded',
  data: { customerId: 'c-1', topic: 'contact', preference: 'afternoons', recordedBy: 'cs-li', recordedAt: AT },
};
const expectationEvents: TicketExpectationEvent[] = [
  { type: 'ExpectationUnmetRecorded', data: { ticketId: 't-1', customerId: 'c-1', expectation: 'same day', reason: 'no stock', recordedBy: 'cs-li', recordedAt: AT } },
  { type: 'ImprovementAnalysisRecorded', data: { ticketId: 't-1', analysis: 'stock', improvementActions: ['keep spares'], recordedBy: 'ts-wang', recordedAt: AT } },
];

const all: RecordedEvent[] = [
  ...ladderEvents.map((e) => recorded(e, { streamId: serviceLadderStream('t-1') })),
  recorded(finding, { streamId: shirkingFindingStream('f-1') }),
  recorded(preference, { streamId: customerPreferencesStream('c-1') }),
  ...expectationEvents.map((e) => recorded(e, { streamId: ticketExpectationStream('t-1') })),
];

describe('ladder projections', () => {
  it('SD-8 the ladder document shows stage, deadline, arrival and breach per ticket', () => {
    expect(project(serviceLadderProjection, all).get('t-1')).toMatchObject({
      stage: 'arrived',
      onSite: { deadline: '2026-03-02T10:00:00+08:00' },
      arrival: { arrivedAt: '2026-03-02T10:05:00+08:00' },
      breached: true,
      minutesLate: 5,
    });
  });

  it('SD-6 one finding document per finding, with the staff member to query by', () => {
    const docs = project(shirkingFindingProjection, all);
    expect([...docs.keys()]).toEqual(['f-1']);
    expect(docs.get('f-1')).toMatchObject({ staffId: 'ts-chen', sanction: 'criticism' });
  });

  it('SD-17 preferences per customer, and the expectation leaves "unmet" once analysed', () => {
    expect(project(customerPreferencesProjection, all).get('c-1')).toMatchObject({ preferences: [{ topic: 'contact' }] });
    const unmetOnly = all.filter((e) => e.type !== 'ImprovementAnalysisRecorded');
    expect(project(ticketExpectationProjection, unmetOnly).get('t-1')).toMatchObject({ status: 'unmet' });
    expect(project(ticketExpectationProjection, all).get('t-1')).toMatchObject({ status: 'analysed' });
  });

  it('SD-8 SD-17 these streams never reach the ticket or customer read models', () => {
    expect(all.map((e) => ticketProjection.documentId(e)).filter((id) => id !== null)).toEqual([]);
    expect(all.map((e) => customerDirectoryProjection.documentId(e)).filter((id) => id !== null)).toEqual([]);
  });
});
