import { randomUUID } from 'node:crypto';
import type { Decider } from './decider';
import { NO_STREAM, type DomainEvent, type NewEvent } from './envelope';
import { DomainError } from './errors';
import type { IntegrationEvent } from './integration';
import { ReactorRunner, type IntegrationReactor, type Reactor } from './reactor';
import { InMemoryEventStore, InMemoryReadModelStore } from './testing/in-memory-stores';

type FollowUpOpened = DomainEvent<'FollowUpOpened', { id: string; reason: string }>;
type OpenFollowUp = { id: string; reason: string };
const followUp: Decider<{ open: boolean }, OpenFollowUp, FollowUpOpened> = {
  initialState: () => ({ open: false }),
  decide: (command, state) => {
    if (state.open) throw new DomainError('TEST', `follow-up ${command.id} exists`, 'conflict');
    return [{ type: 'FollowUpOpened', data: command }];
  },
  evolve: () => ({ open: true }),
};

// A low score opens exactly one follow-up, whose id derives from the causing event.
const lowScores: Reactor = {
  name: 'low-scores',
  async react(event, context) {
    if (event.type !== 'ScoreRecorded' || (event.data as { score: number }).score > 2) return;
    const id = `follow-up-for-${event.metadata.eventId}`;
    await context.execute(followUp, `test.follow-up-${id}`, () => ({ id, reason: 'low score' }));
  },
};

function scored(score: number): NewEvent {
  return {
    type: 'ScoreRecorded',
    data: { score },
    metadata: { eventId: randomUUID(), occurredAt: '2026-03-02T10:00:00+08:00', actor: { userId: 'u', roles: [] }, correlationId: 'corr-1', causationId: null, schemaVersion: 1 },
  };
}

describe('ReactorRunner', () => {
  it('SD-16 turns an event into a command on another stream, with the causation and correlation ids set', async () => {
    const store = new InMemoryEventStore();
    const runner = new ReactorRunner(store, new InMemoryReadModelStore(), [lowScores], () => '2026-03-02T02:00:00.000Z');
    await store.append('test.survey-1', [scored(1), scored(5)], NO_STREAM);
    await runner.handle(await store.readAll({ after: 0, limit: 10 }));
    const [cause] = await store.readStream('test.survey-1');
    const opened = await store.readStream(`test.follow-up-follow-up-for-${cause.metadata.eventId}`);
    expect(opened).toHaveLength(1);
    expect(opened[0].metadata).toMatchObject({ causationId: cause.metadata.eventId, correlationId: 'corr-1', actor: { userId: 'system:low-scores' } });
    expect(await store.headPosition()).toBe(3);
  });

  it('is idempotent: a redelivered event after a lost checkpoint opens nothing twice', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryReadModelStore();
    const runner = new ReactorRunner(store, checkpoints, [lowScores]);
    await store.append('test.survey-2', [scored(2)], NO_STREAM);
    const batch = await store.readAll({ after: 0, limit: 10 });
    await runner.handle(batch);
    await checkpoints.save('low-scores', 0);
    await runner.handle(batch);
    expect(await store.headPosition()).toBe(2);
  });

  it('gives an integration reactor the published language of the contexts it listens to, and nothing else', async () => {
    const store = new InMemoryEventStore();
    const seen: string[] = [];
    const fines: IntegrationReactor = {
      name: 'complaint-fines',
      from: ['service-desk'],
      async react(event, context) {
        seen.push(event.type);
        await context.execute(followUp, `hr.fine.${event.id}`, () => ({ id: event.id, reason: event.type }));
      },
    };
    const published = (source: string, id: string, position: number): IntegrationEvent => ({
      type: `${source}.complaint-upheld.v1`, id, source, subject: 't-1', streamId: `${source}.ticket.t-1`, position, occurredAt: '2026-03-02T10:00:00+08:00', correlationId: 'corr-9', causationId: null, data: {},
    });
    const runner = new ReactorRunner(store, new InMemoryReadModelStore(), [], undefined, true, [fines]);
    await runner.handleIntegration([published('service-desk', 'e-1', 4), published('property-sales', 'e-2', 5)]);
    expect(seen).toEqual(['service-desk.complaint-upheld.v1']);
    const [fine] = await store.readStream('hr.fine.e-1');
    expect(fine.metadata).toMatchObject({ causationId: 'e-1', correlationId: 'corr-9', actor: { userId: 'system:complaint-fines' } });
    // Ordered delivery: a redelivery below the checkpoint is skipped before it reaches the reactor.
    await runner.handleIntegration([published('service-desk', 'e-1', 4)]);
    expect(seen).toHaveLength(1);
  });
});
