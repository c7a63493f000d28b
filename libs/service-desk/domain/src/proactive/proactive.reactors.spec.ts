import { handleCommand, ReactorRunner, type CommandMetadata, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore, InMemoryReadModelStore, recorded } from '@ebp/shared-eventsourcing/testing';
import { ticketStream } from '../ticket/ticket.streams';
import type { TicketRegistered } from '../ticket/ticket.events';
import { proactiveReactors } from './index';
import { inspectionDecider } from './inspection.decider';
import type { InspectionRecorded } from './inspection.events';
import { inspectionStream, researchVisitStream, satisfactionSurveyStream } from './proactive.streams';
import { inspectionFindingTicketId, lowScores, surveyFollowUpTicketId, visitComplaintTicketId } from './proactive.reactors';
import { researchVisitDecider } from './research-visit.decider';
import { satisfactionSurveyDecider } from './satisfaction-survey.decider';
import type { SatisfactionSurveyRecorded } from './satisfaction-survey.events';

const T0 = '2026-03-02T09:00:00+08:00';
const NOW = '2026-03-02T17:00:00+08:00';
const meta = (userId: string): CommandMetadata => ({ now: NOW, actor: { userId, roles: [] } });
const SCORES = { installation: 5, 'system-operation': 4, implementation: 4, 'after-sales-service': 3, training: 5 };

interface Harness {
  store: InMemoryEventStore;
  /** Delivers every event so far to the reactors, ignoring checkpoints (as Kafka may redeliver). */
  deliver(): Promise<void>;
  tickets(): Promise<RecordedEvent<TicketRegistered>[]>;
}

function harness(): Harness {
  const store = new InMemoryEventStore();
  const runner = new ReactorRunner(store, new InMemoryReadModelStore(), proactiveReactors, () => NOW, false);
  return {
    store,
    deliver: async () => runner.handle(await store.readAll({ after: 0, limit: 1000 })),
    tickets: async () =>
      (await store.readAll({ after: 0, limit: 1000 })).filter((e): e is RecordedEvent<TicketRegistered> => e.type === 'TicketRegistered'),
  };
}

async function recordInspection(store: InMemoryEventStore, findings: { description: string; severity: string }[]): Promise<RecordedEvent> {
  const result = await handleCommand(
    store,
    inspectionDecider,
    inspectionStream('i-1'),
    {
      type: 'RecordInspection',
      data: { inspectionId: 'i-1', projectId: 'p-1', customerId: 'c-1', inspectorId: 'pm-zhao', inspectorDepartment: 'projects', inspectedAt: T0, findings },
      metadata: { now: NOW },
    },
    meta('pm-zhao'),
  );
  return (await store.readStream(inspectionStream('i-1')))[result.revision];
}

async function recordSurvey(store: InMemoryEventStore, training: number): Promise<RecordedEvent> {
  await handleCommand(
    store,
    satisfactionSurveyDecider,
    satisfactionSurveyStream('s-1'),
    {
      type: 'RecordSatisfactionSurvey',
      data: { surveyId: 's-1', customerId: 'c-1', projectId: 'p-1', method: 'phone', surveyedAt: T0, scores: { ...SCORES, training }, surveyedBy: 'cs-li', surveyorDepartment: 'customer-service' },
      metadata: { now: NOW },
    },
    meta('cs-li'),
  );
  return (await store.readStream(satisfactionSurveyStream('s-1')))[0];
}

describe('proactive reactors', () => {
  it('SD-16 each inspection finding opens an on-site service request owned by the project manager, caused by the inspection event', async () => {
    const h = harness();
    const inspection = await recordInspection(h.store, [
      { description: 'UPS battery swollen', severity: 'high' },
      { description: 'Backup job failing', severity: 'medium' },
    ]);
    await h.deliver();
    const tickets = await h.tickets();
    expect(tickets.map((t) => t.metadata.streamId)).toEqual([
      ticketStream(inspectionFindingTicketId(inspection.metadata.eventId, 0)),
      ticketStream(inspectionFindingTicketId(inspection.metadata.eventId, 1)),
    ]);
    expect(tickets[0].data).toEqual(
      expect.objectContaining({
        channel: 'on-site',
        kind: 'service-request',
        customerId: 'c-1',
        projectId: 'p-1',
        ownerId: 'pm-zhao',
        ownerDepartment: 'projects',
        receivedAt: T0,
      }),
    );
    expect(tickets[1].data.description).toContain('Backup job failing');
    expect(tickets.every((t) => t.metadata.causationId === inspection.metadata.eventId)).toBe(true);
  });

  it('SD-16 a redelivered inspection opens nothing twice', async () => {
    const h = harness();
    await recordInspection(h.store, [{ description: 'UPS battery swollen', severity: 'high' }]);
    await h.deliver();
    await h.deliver();
    expect(await h.tickets()).toHaveLength(1);
  });

  it('SD-16 an inspection without findings opens no ticket', async () => {
    const h = harness();
    await recordInspection(h.store, []);
    await h.deliver();
    expect(await h.tickets()).toEqual([]);
  });

  it('SD-16 a survey score at or below 2 opens one follow-up service request on the survey channel, once', async () => {
    const h = harness();
    const survey = await recordSurvey(h.store, 2);
    await h.deliver();
    await h.deliver();
    const tickets = await h.tickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0].metadata.streamId).toBe(ticketStream(surveyFollowUpTicketId(survey.metadata.eventId)));
    expect(tickets[0].data).toEqual(
      expect.objectContaining({ channel: 'hotline', kind: 'service-request', customerId: 'c-1', projectId: 'p-1', ownerId: 'cs-li', ownerDepartment: 'customer-service' }),
    );
    expect(tickets[0].data.description).toContain('training 2');
  });

  it('SD-16 a survey scoring 3 or more everywhere opens nothing', async () => {
    const h = harness();
    await recordSurvey(h.store, 3);
    await h.deliver();
    expect(await h.tickets()).toEqual([]);
  });

  it('SD-16 the follow-up threshold is the policy version in force on the survey date', () => {
    const event = recorded<SatisfactionSurveyRecorded>({
      type: 'SatisfactionSurveyRecorded',
      data: {
        surveyId: 's-1',
        customerId: 'c-1',
        projectId: null,
        method: 'email',
        surveyedAt: T0,
        scores: { ...SCORES, training: 3 },
        comment: null,
        surveyedBy: 'cs-li',
        surveyorDepartment: 'customer-service',
        recordedAt: NOW,
      },
    });
    const history = [
      { effectiveFrom: '2000-01-01', value: { score: 2 } },
      { effectiveFrom: '2026-03-01', value: { score: 3 } },
    ];
    expect(lowScores(event.data, history)).toEqual(['after-sales-service', 'training']);
    expect(lowScores({ ...event.data, surveyedAt: '2026-02-28T09:00:00+08:00' }, history)).toEqual([]);
  });

  it('SD-16 a complaint on a research visit opens a complaint ticket, once; opinions open nothing', async () => {
    const h = harness();
    const stream = researchVisitStream('v-1');
    await handleCommand(
      h.store,
      researchVisitDecider,
      stream,
      {
        type: 'OpenResearchVisit',
        data: { visitId: 'v-1', customerId: 'c-1', visitedAt: T0, leaderId: 'gm-wu', leaderRoles: ['general-manager'], leaderDepartment: 'management' },
        metadata: { now: NOW },
      },
      meta('gm-wu'),
    );
    for (const [feedbackId, kind] of [['f-1', 'opinion'], ['f-2', 'complaint']] as const) {
      await handleCommand(
        h.store,
        researchVisitDecider,
        stream,
        {
          type: 'RecordVisitFeedback',
          data: { visitId: 'v-1', feedbackId, kind, text: `${kind} text`, recordedBy: 'gm-wu', recorderDepartment: 'management' },
          metadata: { now: NOW },
        },
        meta('gm-wu'),
      );
    }
    await h.deliver();
    await h.deliver();
    const complaint = (await h.store.readStream(stream))[2];
    const tickets = await h.tickets();
    expect(tickets.map((t) => t.metadata.streamId)).toEqual([ticketStream(visitComplaintTicketId(complaint.metadata.eventId))]);
    expect(tickets[0].data).toEqual(expect.objectContaining({ kind: 'complaint', channel: 'on-site', customerId: 'c-1', ownerId: 'gm-wu', ownerDepartment: 'management' }));
  });

  it('SD-16 events of other streams open nothing', async () => {
    const foreign = recorded<InspectionRecorded>(
      {
        type: 'InspectionRecorded',
        data: { inspectionId: 'x', projectId: 'p', customerId: 'c', inspectorId: 'a', inspectorDepartment: 'd', inspectedAt: T0, recordedAt: NOW, findings: [{ description: 'x', severity: 'low' }] },
      },
      { streamId: 'service-desk.ticket.x' },
    );
    const calls: string[] = [];
    for (const reactor of proactiveReactors) await reactor.react(foreign, { execute: async (_d, streamId) => void calls.push(streamId) });
    expect(calls).toEqual([]);
  });
});
