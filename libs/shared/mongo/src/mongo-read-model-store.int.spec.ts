import { randomUUID } from 'node:crypto';
import { createServer, connect as connectTcp, type AddressInfo, type Server, type Socket } from 'node:net';
import mongoose, { type Connection } from 'mongoose';
import { NO_STREAM, ProjectionRunner, type DocWrite, type NewEvent, type Projection, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore, InMemoryReadModelStore, readModelStoreContract } from '@ebp/shared-eventsourcing/testing';
import { describeWithEngine } from '@ebp/shared-testing';
import { DEFAULT_CHECKPOINT_COLLECTION, indexName, MongoReadModelStore, POSITION_INDEX } from './mongo-read-model-store';

jest.setTimeout(60_000);

const unique = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describeWithEngine('mongo', 'MongoReadModelStore against a real MongoDB-compatible server', (url) => {
  // One database per run, dropped at the end, so reruns against the same server start clean.
  const dbName = unique('ebp_rm');
  const open = (options: { url?: string; serverSelectionTimeoutMS?: number } = {}) =>
    new MongoReadModelStore({ url: options.url ?? url(), dbName, serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000 });
  let raw: Connection;
  let ferretDbVersion: string | undefined;

  beforeAll(async () => {
    raw = await mongoose.createConnection(url(), { dbName, serverSelectionTimeoutMS: 10_000 }).asPromise();
    ferretDbVersion = (await raw.db!.admin().command({ buildInfo: 1 }))['ferretdbVersion'] as string | undefined;
  });

  afterAll(async () => {
    await raw?.dropDatabase();
    await raw?.close();
  });

  readModelStoreContract('MongoReadModelStore', async () => {
    const store = open();
    return { store, cleanup: () => store.close() };
  });

  describe('MongoReadModelStore', () => {
    let store: MongoReadModelStore;
    let collection: string;

    beforeEach(() => {
      store = open();
      collection = unique('tickets');
    });

    afterEach(async () => {
      await store.close();
    });

    const write = (id: string, doc: Record<string, unknown> | null, position: number, into = collection): DocWrite => ({ collection: into, id, doc, position });

    it('stores { _id, position, doc } with a null doc as the tombstone, and checkpoints beside them', async () => {
      const checkpoint = unique('projection');
      await store.commit(checkpoint, [write('t1', { a: 1, nested: { b: [1, 'x'] } }, 5), write('t2', { a: 2 }, 4), write('t2', null, 6)], 6);
      expect(await raw.collection(collection).find().sort({ _id: 1 }).toArray()).toEqual([
        { _id: 't1', position: 5, doc: { a: 1, nested: { b: [1, 'x'] } } },
        { _id: 't2', position: 6, doc: null },
      ]);
      expect(await raw.collection(DEFAULT_CHECKPOINT_COLLECTION).findOne({ _id: checkpoint as never })).toEqual({ _id: checkpoint, position: 6 });
    });

    it('declares an index per field with _id for the tie-break, plus position, and only ever adds', async () => {
      await store.commit(unique('p'), [write('t1', { status: 'open', sla: { dueAt: '2026-03-01' } }, 1)], 1);
      await store.ensureIndexes(collection, ['status', 'sla.dueAt']);
      await store.ensureIndexes(collection, ['status', 'sla.dueAt']);
      const keys = async () =>
        Object.fromEntries((await raw.collection(collection).listIndexes().toArray()).map((index) => [index['name'] as string, index['key'] as unknown]));
      expect(await keys()).toEqual({
        _id_: { _id: 1 },
        [POSITION_INDEX]: { position: 1 },
        [indexName('status')]: { 'doc.status': 1, _id: 1 },
        [indexName('sla.dueAt')]: { 'doc.sla.dueAt': 1, _id: 1 },
      });
      await store.ensureIndexes(collection, ['urgent']);
      expect(Object.keys(await keys()).sort()).toEqual(['_id_', POSITION_INDEX, indexName('sla.dueAt'), indexName('status'), indexName('urgent')].sort());
      // A fresh store (a restarted process) declaring the same indexes finds them in place.
      const again = open();
      try {
        await again.ensureIndexes(collection, ['status', 'sla.dueAt', 'urgent']);
      } finally {
        await again.close();
      }
      expect(Object.keys(await keys())).toHaveLength(5);
      expect((await store.find(collection, { where: { status: 'open' } })).total).toBe(1);
    });

    it('does not mistake the number 1 for true, and keeps ranges within one kind', async () => {
      await store.commit(unique('p'), [write('t1', { flag: 1, v: 5 }, 1), write('t2', { flag: true, v: 'text' }, 2), write('t3', { flag: null, v: null }, 3)], 3);
      expect((await store.find(collection, { where: { flag: true } })).items).toEqual([{ flag: true, v: 'text' }]);
      expect((await store.find(collection, { where: { flag: { $ne: true } } })).total).toBe(2);
      expect((await store.find(collection, { where: { v: { $gt: 1 } } })).items).toEqual([{ flag: 1, v: 5 }]);
      expect((await store.find(collection, { where: { v: { $lt: 'zzz' } } })).items).toEqual([{ flag: true, v: 'text' }]);
      // MongoDB itself would let these bounds match null and booleans; the contract says nothing matches.
      expect((await store.find(collection, { where: { v: { $lte: null } } })).total).toBe(0);
      expect((await store.find(collection, { where: { flag: { $gte: false } } })).total).toBe(0);
    });

    it('answers limit 0 with an empty page and the total, where MongoDB alone would read "no limit"', async () => {
      await store.commit(unique('p'), [write('t1', { a: 1 }, 1), write('t2', { a: 2 }, 2)], 2);
      expect(await store.find(collection, { limit: 0 })).toEqual({ items: [], total: 2 });
    });

    it('refuses unsafe names, unknown operators, bad paging and bad positions', async () => {
      await expect(store.find(collection, { where: { $where: 'sleep(100)' } })).rejects.toThrow('unsupported field name');
      await expect(store.find(collection, { where: { a: { $regex: 'x' } as never } })).rejects.toThrow('unsupported query operator $regex');
      await expect(store.find(collection, { sort: [{ field: 'a.$b', direction: 'asc' }] })).rejects.toThrow('unsupported field name');
      await expect(store.find(collection, { skip: -1 })).rejects.toThrow('skip');
      await expect(store.ensureIndexes(collection, ['$a'])).rejects.toThrow('unsupported field name');
      await expect(store.get(DEFAULT_CHECKPOINT_COLLECTION, 'x')).rejects.toThrow('holds the checkpoints');
      await expect(store.commit('p', [write('t1', { a: 1 }, Number.NaN)], 1)).rejects.toThrow('write position');
      await expect(store.commit('p', [write('t1', { a: 1 }, 1, 'bad$name')], 1)).rejects.toThrow('invalid collection name');
    });

    it('applies a batch delivered twice at once through two connections exactly once', async () => {
      const twin = open();
      try {
        for (let round = 0; round < 3; round++) {
          const into = unique('dup');
          const checkpoint = unique('projection');
          const batch = Array.from({ length: 40 }, (_, i) => write(`d${i}`, { n: i, round }, 100 + i, into));
          await Promise.all([store.commit(checkpoint, batch, 139), twin.commit(checkpoint, batch, 139)]);
          const stored = await store.getMany(into, batch.map((w) => w.id));
          expect(stored.size).toBe(40);
          for (const w of batch) expect(stored.get(w.id)).toEqual({ id: w.id, position: w.position, doc: w.doc });
          // A upsert that lost its key would leave a stray document behind.
          expect(await raw.collection(into).countDocuments()).toBe(40);
          expect(await store.load(checkpoint)).toBe(139);
        }
      } finally {
        await twin.close();
      }
    });

    it('ends at the highest position when commits of one store race out of order', async () => {
      const checkpoint = unique('projection');
      const positions = Array.from({ length: 30 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
      await Promise.all(positions.map((p) => store.commit(checkpoint, [write('t1', { v: p }, p), write(`other-${p % 3}`, { v: p }, p)], p)));
      expect(await store.get(collection, 't1')).toEqual({ id: 't1', position: 30, doc: { v: 30 } });
      expect((await store.get(collection, 'other-0'))?.position).toBe(30);
      expect(await store.load(checkpoint)).toBe(30);
    });

    it('keeps the highest position when two connections race out of order (MongoDB only)', async () => {
      if (ferretDbVersion) {
        console.warn(`not run on FerretDB ${ferretDbVersion}: its v1 update reads, then writes, without a lock (see README)`);
        return;
      }
      const twin = open();
      try {
        const rounds = Array.from({ length: 50 }, (_, i) => `r${i}`);
        await store.commit(unique('p'), rounds.map((id) => write(id, { v: 0 }, 1)), 1);
        await Promise.all(rounds.flatMap((id) => [store.commit(unique('p'), [write(id, { v: 3 }, 3)], 3), twin.commit(unique('p'), [write(id, { v: 2 }, 2)], 2)]));
        const stored = await store.getMany(collection, rounds);
        expect([...stored.values()].filter((d) => d.position !== 3)).toEqual([]);
      } finally {
        await twin.close();
      }
    });

    it('applies events once when two projection runners handle the same batch at the same time', async () => {
      const events = new InMemoryEventStore();
      for (let t = 0; t < 10; t++) await events.append(`service-desk.ticket.${t}`, ticketEvents(t, 5), NO_STREAM);
      const batch = await events.readAll({ after: 0, limit: 1000 });
      const projection = summaries(collection);
      const twin = open();
      try {
        const runners = [new ProjectionRunner(store, [projection]), new ProjectionRunner(twin, [projection])];
        await Promise.all(runners.map((r) => r.handle(batch)));
        await Promise.all(runners.map((r) => r.handle(batch)));
        await runners[0].handle(batch);
      } finally {
        await twin.close();
      }
      const page = await store.find<TicketSummary>(collection, { sort: [{ field: 'id', direction: 'asc' }] });
      // Tickets 0 and 5 were archived.
      expect(page.total).toBe(8);
      expect(page.items.map((s) => s.notes)).toEqual(Array(8).fill(5));
      expect(await store.get(collection, 'service-desk.ticket.0')).toBeNull();
      expect(await store.load(projection.name)).toBe(batch[batch.length - 1].metadata.position);
    });

    it('rebuilds from an in-memory event store to the documents a reference store builds, and again after a reset', async () => {
      const events = new InMemoryEventStore();
      const tickets = 150;
      for (let t = 0; t < tickets; t++) await events.append(`service-desk.ticket.${t}`, ticketEvents(t, 4), NO_STREAM);
      const projection = summaries(collection);
      const reference = new InMemoryReadModelStore();
      const expectedRunner = new ProjectionRunner(reference, [projection]);
      await expectedRunner.catchUp(events);

      const runner = new ProjectionRunner(store, [projection]);
      await runner.init();
      await runner.catchUp(events, 250);
      const byId = { sort: [{ field: 'id', direction: 'asc' as const }] };
      const expected = await reference.find(collection, byId);
      expect(expected.total).toBe(tickets - tickets / 5);
      const everyId = Array.from({ length: tickets }, (_, t) => `service-desk.ticket.${t}`);
      const storedPositions = async (s: ReadModelStore) => [...(await s.getMany(collection, everyId)).values()].sort((a, b) => (a.id < b.id ? -1 : 1));

      expect(await store.find(collection, byId)).toEqual(expected);
      expect(await storedPositions(store)).toEqual(await storedPositions(reference));
      expect(await store.find(collection, { where: { status: 'resolved', 'sla.priority': { $gte: 2 } } })).toEqual(
        await reference.find(collection, { where: { status: 'resolved', 'sla.priority': { $gte: 2 } } }),
      );

      expect(await runner.rebuild(events, projection.name, 300)).toBe(await events.headPosition());
      expect(await store.find(collection, byId)).toEqual(expected);
      expect(await storedPositions(store)).toEqual(await storedPositions(reference));
      expect(await store.load(projection.name)).toBe(await events.headPosition());
      // Tombstones went with the reset and came back with the rebuild.
      expect(await raw.collection(collection).countDocuments({ doc: null })).toBe(tickets / 5);
    });

    it('answers ping, and recovers once a server that was down at start comes up', async () => {
      await store.ping();
      const target = new URL(url());
      const port = await freePort();
      const late = open({ url: `mongodb://127.0.0.1:${port}/${dbName}?directConnection=true`, serverSelectionTimeoutMS: 500 });
      let proxy: Server | undefined;
      try {
        await expect(late.ping()).rejects.toThrow();
        proxy = await forward(port, target.hostname, Number(target.port || 27017));
        await late.ping();
        await late.commit(unique('p'), [write('t1', { late: true }, 1)], 1);
        expect((await store.get(collection, 't1'))?.doc).toEqual({ late: true });
      } finally {
        await late.close();
        await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
      }
    });
  });
});

interface TicketSummary {
  id: string;
  status: 'open' | 'resolved';
  notes: number;
  lastNote: string;
  tags: string[];
  sla: { priority: number; dueAt: string | null };
}

function summaries(collection: string): Projection<object> {
  const projection: Projection<TicketSummary> = {
    name: unique('ticket-summary'),
    collection,
    indexes: ['status', 'sla.priority'],
    documentId: (event) => event.metadata.streamId,
    evolve: (doc, event) => {
      const data = event.data as { note?: string; priority?: number };
      switch (event.type) {
        case 'TicketOpened':
          return { id: event.metadata.streamId, status: 'open', notes: 0, lastNote: '', tags: [], sla: { priority: data.priority ?? 0, dueAt: null } };
        case 'TicketNoted':
          return doc && { ...doc, notes: doc.notes + 1, lastNote: data.note ?? '', tags: [...doc.tags, `n${doc.notes}`].slice(-3) };
        case 'TicketResolved':
          return doc && { ...doc, status: 'resolved', sla: { ...doc.sla, dueAt: event.metadata.occurredAt } };
        case 'TicketArchived':
          return null;
        default:
          return doc;
      }
    },
  };
  return projection as Projection<object>;
}

/** Opened, `notes` notes, resolved; every fifth ticket is then archived (deleted from the read model). */
function ticketEvents(ticket: number, notes: number): NewEvent[] {
  const list = [event('TicketOpened', { priority: ticket % 4 })];
  for (let n = 0; n < notes; n++) list.push(event('TicketNoted', { note: `note ${n} 測試` }));
  if (ticket % 3 !== 0) list.push(event('TicketResolved'));
  if (ticket % 5 === 0) list.push(event('TicketArchived'));
  return list;
}

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A TCP proxy standing in for a server that comes up late. */
function forward(port: number, host: string, targetPort: number): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connectTcp(targetPort, host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const close = server.close.bind(server);
  server.close = (callback?: (error?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(callback);
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
