import { randomUUID } from 'node:crypto';
import { NO_STREAM, type NewEvent, type RecordedEvent } from './envelope';
import { ProjectionRunner, type Projection } from './projection';
import { InMemoryEventStore, InMemoryReadModelStore } from './testing/in-memory-stores';

interface TicketSummary {
  id: string;
  title: string;
  status: 'open' | 'resolved';
  /** Counts applied events, so an event applied twice shows. */
  applied: number;
  notes: string[];
}

const tickets: Projection<TicketSummary> = {
  name: 'ticket-summary',
  collection: 'ticket_summaries',
  indexes: ['status'],
  documentId: (event) => (event.type.startsWith('Ticket') ? event.metadata.streamId : null),
  evolve: (doc, event) => {
    const data = event.data as { title?: string; note?: string };
    switch (event.type) {
      case 'TicketOpened':
        return { id: event.metadata.streamId, title: data.title ?? '', status: 'open', applied: 1, notes: [] };
      case 'TicketNoted':
        return doc && { ...doc, applied: doc.applied + 1, notes: [...doc.notes, data.note ?? ''] };
      case 'TicketResolved':
        return doc && { ...doc, applied: doc.applied + 1, status: 'resolved' };
      case 'TicketWithdrawn':
        return null;
      default:
        return doc;
    }
  },
};

function event(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    type,
    data,
    metadata: {
      eventId: randomUUID(),
      occurredAt: '2026-03-02T10:00:00.000+08:00',
      actor: { userId: 'agent-1', roles: ['agent'] },
      correlationId: randomUUID(),
      causationId: null,
      schemaVersion: 1,
    },
  };
}

async function seed(store: InMemoryEventStore): Promise<RecordedEvent[]> {
  await store.append('service-desk.ticket.1', [event('TicketOpened', { title: 'Printer' }), event('TicketNoted', { note: 'toner' })], NO_STREAM);
  await store.append('hr.clock-9', [event('ClockedIn')], NO_STREAM);
  await store.append('service-desk.ticket.2', [event('TicketOpened', { title: 'VPN' })], NO_STREAM);
  await store.append('service-desk.ticket.1', [event('TicketResolved')], 1);
  await store.append('service-desk.ticket.3', [event('TicketOpened', { title: 'Spam' }), event('TicketWithdrawn')], NO_STREAM);
  await store.append('service-desk.ticket.2', [event('TicketNoted', { note: 'reset token' })], 0);
  return store.readAll({ after: 0, limit: 100 });
}

describe('ProjectionRunner', () => {
  let events: InMemoryEventStore;
  let readModels: InMemoryReadModelStore;
  let runner: ProjectionRunner;
  let history: RecordedEvent[];

  const all = async () => (await readModels.find<TicketSummary>(tickets.collection, { sort: [{ field: 'id', direction: 'asc' }] })).items;

  beforeEach(async () => {
    events = new InMemoryEventStore();
    readModels = new InMemoryReadModelStore();
    runner = new ProjectionRunner(readModels, [tickets as Projection<object>]);
    await runner.init();
    history = await seed(events);
  });

  afterEach(async () => {
    await events.close();
  });

  it('builds one document per ticket, deleting a withdrawn one', async () => {
    await runner.handle(history);
    expect(await all()).toEqual([
      { id: 'service-desk.ticket.1', title: 'Printer', status: 'resolved', applied: 3, notes: ['toner'] },
      { id: 'service-desk.ticket.2', title: 'VPN', status: 'open', applied: 2, notes: ['reset token'] },
    ]);
    expect(await readModels.get(tickets.collection, 'service-desk.ticket.3')).toBeNull();
  });

  it('applies a duplicated delivery once', async () => {
    await runner.handle(history);
    const once = await all();
    await runner.handle(history);
    expect(await all()).toEqual(once);
  });

  it('applies an overlapping redelivery once', async () => {
    await runner.handle(history.slice(0, 5));
    await runner.handle(history.slice(2));
    const overlapped = await all();
    await readModels.reset(tickets.name, [tickets.collection]);
    await runner.handle(history);
    expect(overlapped).toEqual(await all());
  });

  it('keeps a withdrawn ticket deleted when an earlier batch is redelivered', async () => {
    await runner.handle(history);
    await runner.handle(history.filter((e) => e.metadata.streamId === 'service-desk.ticket.3').slice(0, 1));
    expect(await readModels.get(tickets.collection, 'service-desk.ticket.3')).toBeNull();
  });

  it('records the stored position of the last event applied to each document', async () => {
    await runner.handle(history);
    const ticket1 = history.filter((e) => e.metadata.streamId === 'service-desk.ticket.1');
    expect((await readModels.get(tickets.collection, 'service-desk.ticket.1'))?.position).toBe(ticket1[ticket1.length - 1].metadata.position);
  });

  it('advances the checkpoint past a long stretch of events the projection ignores', async () => {
    await runner.handle(history);
    expect(await readModels.load(tickets.name)).toBe(history[history.length - 1].metadata.position);
    await events.append('hr.clock.99', Array.from({ length: 1200 }, () => event('ClockedOut')), NO_STREAM);
    await runner.catchUp(events);
    expect(await readModels.load(tickets.name)).toBe(await events.headPosition());
  });

  it('moves the checkpoint exactly to a batch of events it ignores, so "caught up to p" is decidable', async () => {
    await runner.handle(history);
    await events.append('hr.clock.99', [event('ClockedOut'), event('ClockedOut')], NO_STREAM);
    const ignored = (await events.readAll({ after: history[history.length - 1].metadata.position, limit: 10 })).slice(0, 1);
    await runner.handle(ignored);
    expect(await readModels.load(tickets.name)).toBe(ignored[0].metadata.position);
  });

  it('moves the checkpoint to a watermark beyond the batch: the bus promises nothing older is still coming', async () => {
    await runner.handle(history.slice(0, 2), history[history.length - 1].metadata.position + 50);
    expect(await readModels.load(tickets.name)).toBe(history[history.length - 1].metadata.position + 50);
    await runner.handle([], history[history.length - 1].metadata.position + 80);
    expect(await readModels.load(tickets.name)).toBe(history[history.length - 1].metadata.position + 80);
  });

  it('loses no update when batches for one projection are handled concurrently', async () => {
    await Promise.all([runner.handle(history.slice(0, 3)), runner.handle(history.slice(3, 6)), runner.handle(history.slice(6))]);
    const concurrent = await all();
    await readModels.reset(tickets.name, [tickets.collection]);
    await runner.handle(history);
    expect(concurrent).toEqual(await all());
  });

  it('catches up from its checkpoint, applying only the events after it', async () => {
    expect(await runner.catchUp(events, 3)).toBe(history.length);
    await events.append('service-desk.ticket.2', [event('TicketResolved')], 1);
    expect(await runner.catchUp(events, 3)).toBe(1);
    expect((await readModels.get<TicketSummary>(tickets.collection, 'service-desk.ticket.2'))?.doc).toMatchObject({ status: 'resolved', applied: 3 });
  });

  it('rebuilds from position 0 to identical documents', async () => {
    await runner.catchUp(events, 2);
    const built = await all();
    const checkpoint = await readModels.load(tickets.name);
    // A damaged read model is what a rebuild is for: none of this may survive it.
    await readModels.commit(tickets.name, [
      { collection: tickets.collection, id: 'service-desk.ticket.1', doc: { id: 'service-desk.ticket.1', title: 'garbled' }, position: 1000 },
      { collection: tickets.collection, id: 'stray', doc: { id: 'stray' }, position: 1000 },
    ], 1000);
    expect(await runner.rebuild(events, tickets.name, 4)).toBe(history.length);
    expect(await all()).toEqual(built);
    expect(await readModels.load(tickets.name)).toBe(checkpoint);
  });

  it('refuses to rebuild a projection it does not know', async () => {
    await expect(runner.rebuild(events, 'nope')).rejects.toThrow('unknown projection nope');
  });
});
