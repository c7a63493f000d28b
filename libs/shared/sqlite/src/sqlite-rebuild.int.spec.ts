import { randomUUID } from 'node:crypto';
import { NO_STREAM, ProjectionRunner, type NewEvent, type Projection } from '@ebp/shared-eventsourcing';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { tempDir } from './temp-dir';

interface TicketSummary {
  id: string;
  status: 'open' | 'resolved';
  notes: number;
  lastNote: string;
}

const summaries: Projection<TicketSummary> = {
  name: 'ticket-summary',
  collection: 'ticket_summaries',
  indexes: ['status'],
  documentId: (event) => event.metadata.streamId,
  evolve: (doc, event) => {
    const data = event.data as { note?: string };
    switch (event.type) {
      case 'TicketOpened':
        return { id: event.metadata.streamId, status: 'open', notes: 0, lastNote: '' };
      case 'TicketNoted':
        return doc && { ...doc, notes: doc.notes + 1, lastNote: data.note ?? '' };
      case 'TicketResolved':
        return doc && { ...doc, status: 'resolved' };
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

// Speed is measured by `npm run bench`; this proves correctness over several read batches.
const TICKETS = 2_000;
const EVENTS_PER_TICKET = 10;

describe('rebuilding a projection from a SQLite event store into SQLite read models', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let events: SqliteEventStore;
  let readModels: SqliteReadModelStore;

  beforeAll(async () => {
    dir = await tempDir();
    events = new SqliteEventStore({ file: dir.file('events.db') });
    readModels = new SqliteReadModelStore({ file: dir.file('read-models.db') });
    for (let first = 0; first < TICKETS; first += 1000) {
      await Promise.all(
        Array.from({ length: 1000 }, (_, i) => {
          const notes = Array.from({ length: EVENTS_PER_TICKET - 2 }, (__, n) => event('TicketNoted', { note: `note ${n}` }));
          return events.append(`service-desk.ticket.${first + i}`, [event('TicketOpened'), ...notes, event('TicketResolved')], NO_STREAM);
        }),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await events.close();
    await readModels.close();
    await dir.remove();
  });

  it('rebuilds from position 0 to documents identical to those built live', async () => {
    const runner = new ProjectionRunner(readModels, [summaries as Projection<object>]);
    await runner.init();
    await runner.catchUp(events);
    const built = await readModels.find(summaries.collection, { sort: [{ field: 'id', direction: 'asc' }] });
    const applied = await runner.rebuild(events, summaries.name);
    expect(applied).toBe(TICKETS * EVENTS_PER_TICKET);
    expect(await readModels.find(summaries.collection, { sort: [{ field: 'id', direction: 'asc' }] })).toEqual(built);
    expect(built.total).toBe(TICKETS);
  }, 120_000);
});
