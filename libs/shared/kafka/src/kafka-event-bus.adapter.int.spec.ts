import { randomUUID } from 'node:crypto';
import { ProjectionRunner, type IntegrationEvent, type Projection, type RecordedEvent, type Subscription } from '@ebp/shared-eventsourcing';
// Not exported by @ebp/shared-eventsourcing/testing (yet), hence the path to its file.
import { InMemoryReadModelStore } from '@ebp/shared-eventsourcing/testing';
import { describeWithEngine } from '@ebp/shared-testing';
import { DlqHeaders, EventHeaders, WATERMARK_TYPE } from './codec';
import type { KafkaEventBusOptions } from './kafka-event-bus';
import { groupLag, readRaw, sleep, streams, testBus, type TestKafkaBus, uniqueTopic, waitFor } from './testing/kafka-test-kit';
import { dlqTopicFor, topicFor } from './topics';

const SLOW = 60_000;

describeWithEngine('kafka', 'KafkaEventBus (adapter)', (url) => {
  const buses: TestKafkaBus[] = [];
  const newBus = (topics: string[], overrides: Partial<KafkaEventBusOptions> = {}): TestKafkaBus => {
    const bus = testBus(url(), topics, overrides);
    buses.push(bus);
    return bus;
  };

  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.dispose();
  }, SLOW);

  it('names topics by context and their dead-letter topics by suffix', () => {
    expect(topicFor('service-desk.ticket.42')).toBe('service-desk.events.v1');
    expect(dlqTopicFor('service-desk.events.v1')).toBe('service-desk.events.v1.dlq');
  });

  it(
    'routes by context by default, keys by stream id and carries the envelope and its headers',
    async () => {
      const context = `test-${randomUUID()}`;
      const topic = `${context}.events.v1`;
      const bus = newBus([topic], { topicResolver: undefined });
      const s = streams(2, context);
      const [first, second, third] = s.next(3);
      third.metadata.causationId = first.metadata.eventId;
      await bus.publish([first, second, third]);

      const raw = await readRaw(bus.kafka, topic, 3);
      const byId = new Map(raw.map((m) => [m.headers[EventHeaders.eventId], m]));
      for (const event of [first, second, third]) {
        const message = byId.get(event.metadata.eventId)!;
        expect(message.key).toBe(event.metadata.streamId);
        expect(JSON.parse(message.value!)).toEqual({ type: event.type, data: event.data, metadata: event.metadata });
        expect(message.headers).toMatchObject({
          [EventHeaders.eventType]: 'ThingHappened',
          [EventHeaders.correlationId]: event.metadata.correlationId,
          [EventHeaders.schemaVersion]: '1',
          [EventHeaders.streamId]: event.metadata.streamId,
          [EventHeaders.position]: String(event.metadata.position),
        });
      }
      expect(byId.get(first.metadata.eventId)!.headers[EventHeaders.causationId]).toBeUndefined();
      expect(byId.get(third.metadata.eventId)!.headers[EventHeaders.causationId]).toBe(first.metadata.eventId);
      // One stream, one partition.
      expect(byId.get(first.metadata.eventId)!.partition).toBe(byId.get(third.metadata.eventId)!.partition);
    },
    SLOW,
  );

  it(
    'follows a batch with a watermark on every partition of the domain topics, and hands it to the subscriber after the events',
    async () => {
      const topic = uniqueTopic();
      const quiet = uniqueTopic();
      const bus = newBus([topic], { partitions: 2, watermarkTopics: [topic, quiet] });
      const seen: { events: string[]; watermark?: number }[] = [];
      await bus.subscribe(`wm-${randomUUID()}`, async (batch, watermark) => void seen.push({ events: batch.map((e) => e.metadata.eventId), watermark }));
      const published = streams(3).next(6);
      const last = published[published.length - 1].metadata.position;
      await bus.publish(published, { watermark: last });

      await waitFor(() => seen.filter((b) => b.watermark === last).length === 2, 'a watermark from each partition');
      expect(new Set(seen.flatMap((b) => b.events))).toEqual(new Set(published.map((e) => e.metadata.eventId)));
      // A topic with no event in the batch (another context's) still learns how far the log went.
      const marks = await readRaw(bus.kafka, quiet, 2);
      expect(marks.map((m) => m.headers[EventHeaders.eventType])).toEqual([WATERMARK_TYPE, WATERMARK_TYPE]);
      expect(new Set(marks.map((m) => m.partition)).size).toBe(2);
      expect(marks.every((m) => m.headers[EventHeaders.position] === String(last) && m.key === null)).toBe(true);
    },
    SLOW,
  );

  it(
    'publishes the published language to <source>.integration.v1, keyed by subject, with type, version, ids and source headers',
    async () => {
      const source = `ctx-${randomUUID().slice(0, 8)}`;
      const topic = `${source}.integration.v1`;
      const bus = newBus([topic], { integrationTopicResolver: undefined });
      const resolved: IntegrationEvent = {
        type: `${source}.ticket-resolved.v1`, id: randomUUID(), source, subject: 't-7', streamId: `${source}.ticket.t-7`, position: 42,
        occurredAt: '2026-03-02T10:00:00+08:00', correlationId: 'corr-7', causationId: 'cause-7', data: { ticketId: 't-7' },
      };
      const received: IntegrationEvent[] = [];
      await bus.subscribeIntegration(`int-${randomUUID()}`, [topic], async (events) => void received.push(...events));
      await bus.publishIntegration([resolved]);

      const [raw] = await readRaw(bus.kafka, topic, 1);
      expect(raw.key).toBe('t-7');
      expect(JSON.parse(raw.value!)).toEqual(resolved);
      expect(raw.headers).toMatchObject({
        [EventHeaders.eventId]: resolved.id,
        [EventHeaders.eventType]: resolved.type,
        [EventHeaders.schemaVersion]: '1',
        [EventHeaders.correlationId]: 'corr-7',
        [EventHeaders.causationId]: 'cause-7',
        [EventHeaders.source]: source,
      });
      await waitFor(() => received.length === 1, 'the integration event');
      expect(received[0]).toEqual(resolved);
    },
    SLOW,
  );

  it(
    'keeps each stream in order while its streams spread over the partitions',
    async () => {
      const topic = uniqueTopic();
      const bus = newBus([topic], { partitions: 3 });
      const s = streams(12);
      const received: RecordedEvent[] = [];
      await bus.subscribe(`order-${randomUUID()}`, async (batch) => void received.push(...batch));
      const published = s.next(120);
      for (let i = 0; i < published.length; i += 7) await bus.publish(published.slice(i, i + 7));
      await waitFor(() => new Set(received.map((e) => e.metadata.eventId)).size === published.length, 'every event');

      for (const id of s.ids) {
        const seen: number[] = [];
        for (const e of received) if (e.metadata.streamId === id && !seen.includes(e.metadata.revision)) seen.push(e.metadata.revision);
        expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i));
      }
      const raw = await readRaw(bus.kafka, topic, published.length);
      const partitionsOf = new Map<string, Set<number>>();
      for (const m of raw) partitionsOf.set(m.key!, (partitionsOf.get(m.key!) ?? new Set()).add(m.partition));
      expect([...partitionsOf.values()].every((p) => p.size === 1)).toBe(true);
      expect(new Set(raw.map((m) => m.partition)).size).toBeGreaterThan(1);
    },
    SLOW,
  );

  it(
    'parks a poison event and an undecodable message on <topic>.dlq and goes on with the partition',
    async () => {
      // One partition: the poison, the garbage and the later events certainly share it.
      const topic = uniqueTopic();
      const group = `poison-${randomUUID()}`;
      const letters: string[] = [];
      const bus = newBus([topic], { partitions: 1, onDeadLetter: (l) => letters.push(l.message.offset) });
      const s = streams(1);
      const [e0, poison, e2, e3, e4] = s.next(5);
      const handled: string[] = [];
      await bus.subscribe(group, async (batch) => {
        for (const event of batch) {
          if (event.metadata.eventId === poison.metadata.eventId) throw new Error('cannot handle this one');
        }
        handled.push(...batch.map((e) => e.metadata.eventId));
      });

      await bus.publish([e0, poison, e2]);
      const producer = bus.kafka.producer();
      await producer.connect();
      await producer.send({ topic, messages: [{ key: s.ids[0], value: '{not json', headers: { 'event-id': 'garbage' } }] });
      await producer.disconnect();
      await bus.publish([e3, e4]);

      const later = [e0, e2, e3, e4].map((e) => e.metadata.eventId);
      await waitFor(() => later.every((id) => handled.includes(id)), 'the events around the poison');
      expect(handled).not.toContain(poison.metadata.eventId);

      const parked = await readRaw(bus.kafka, dlqTopicFor(topic), 2);
      const poisoned = parked.find((m) => m.headers[EventHeaders.eventId] === poison.metadata.eventId)!;
      expect(poisoned.key).toBe(poison.metadata.streamId);
      expect(JSON.parse(poisoned.value!).metadata.eventId).toBe(poison.metadata.eventId);
      expect(poisoned.headers).toMatchObject({
        [EventHeaders.eventType]: 'ThingHappened',
        [DlqHeaders.originalTopic]: topic,
        [DlqHeaders.originalPartition]: '0',
        [DlqHeaders.originalOffset]: '1',
      });
      expect(poisoned.headers[DlqHeaders.error]).toContain('cannot handle this one');
      expect(Number.isNaN(Date.parse(poisoned.headers[DlqHeaders.failedAt]))).toBe(false);

      const garbage = parked.find((m) => m.headers[EventHeaders.eventId] === 'garbage')!;
      expect(garbage.value).toBe('{not json');
      expect(garbage.headers[DlqHeaders.originalOffset]).toBe('3');
      expect(garbage.headers[DlqHeaders.error]).toMatch(/undecodable/);
      expect(letters.sort()).toEqual(['1', '3']);

      // Everything, the parked messages included, is committed: the partition is not stuck.
      await waitFor(async () => (await groupLag(bus.kafka, group, topic)) === 0, 'a fully committed group');
    },
    SLOW,
  );

  it(
    'resumes a restarted group from its committed offsets: nothing redelivered, nothing lost',
    async () => {
      const topic = uniqueTopic();
      const group = `restart-${randomUUID()}`;
      const bus = newBus([topic]);
      const s = streams(5);
      const handled = new Map<string, number>();
      const handler = async (batch: RecordedEvent[]) => {
        for (const e of batch) handled.set(e.metadata.eventId, (handled.get(e.metadata.eventId) ?? 0) + 1);
      };

      const first = await bus.subscribe(group, handler);
      const before = s.next(20);
      await bus.publish(before);
      await waitFor(() => before.every((e) => handled.has(e.metadata.eventId)), 'the first events');
      await first.stop();

      const whileStopped = s.next(20);
      await bus.publish(whileStopped);
      await sleep(300);
      expect(whileStopped.some((e) => handled.has(e.metadata.eventId))).toBe(false);

      await bus.subscribe(group, handler);
      const after = s.next(10);
      await bus.publish(after);
      const all = [...before, ...whileStopped, ...after];
      await waitFor(() => all.every((e) => handled.has(e.metadata.eventId)), 'every event after the restart');
      await waitFor(async () => (await groupLag(bus.kafka, group, topic)) === 0, 'a fully committed group');
      expect(handled.size).toBe(all.length);
      expect([...handled.values()].every((times) => times === 1)).toBe(true);
    },
    SLOW,
  );

  it(
    'stop() resolves only after the batch in progress was handled and committed',
    async () => {
      const topic = uniqueTopic();
      const group = `drain-${randomUUID()}`;
      const bus = newBus([topic], { partitions: 1 });
      const s = streams(1);
      const events = s.next(5);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      let finished = false;
      const subscription = await bus.subscribe(group, async () => {
        started = true;
        await gate;
        finished = true;
      });
      await bus.publish(events);
      await waitFor(() => started, 'the handler to start');

      let stopped = false;
      const stopping = subscription.stop().then(() => (stopped = true));
      await sleep(500);
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(finished).toBe(true);
      expect(await groupLag(bus.kafka, group, topic)).toBe(0);
    },
    SLOW,
  );

  it(
    'keeps its membership through a handler slower than the session timeout (heartbeats during the batch)',
    async () => {
      const topic = uniqueTopic();
      const group = `slow-${randomUUID()}`;
      // 6 s is the broker's smallest allowed session timeout (group.min.session.timeout.ms).
      const bus = newBus([topic], { partitions: 1, consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000, maxWaitTimeMs: 200 } });
      const s = streams(1);
      const [slow, next] = s.next(2);
      const calls: string[] = [];
      await bus.subscribe(group, async (batch) => {
        calls.push(...batch.map((e) => e.metadata.eventId));
        if (batch.some((e) => e.metadata.eventId === slow.metadata.eventId)) await sleep(9000);
      });
      await bus.publish([slow]);
      await waitFor(() => calls.length > 0, 'the slow batch');
      await bus.publish([next]);
      await waitFor(() => calls.includes(next.metadata.eventId), 'the next event', 30_000);
      await waitFor(async () => (await groupLag(bus.kafka, group, topic)) === 0, 'a fully committed group');
      // Evicted mid-batch, the member's commit would fail and the slow event would come again.
      expect(calls.filter((id) => id === slow.metadata.eventId)).toHaveLength(1);
    },
    SLOW,
  );

  it(
    'answers ping() with the cluster, and with ok: false when no broker answers',
    async () => {
      const bus = newBus([uniqueTopic()]);
      const health = await bus.ping();
      expect(health).toMatchObject({ ok: true, brokers: 1 });
      expect(typeof health.clusterId).toBe('string');

      const nowhere = testBus('127.0.0.1:1', [], { connectionTimeoutMs: 200, connectionRetry: { retries: 0 } });
      const down = await nowhere.ping(2000);
      expect(down.ok).toBe(false);
      expect(down.error).toBeDefined();
      await nowhere.close();
    },
    SLOW,
  );

  it(
    'shares the partitions between two members of a group and loses nothing when one leaves mid-stream',
    async () => {
      const topic = uniqueTopic();
      const group = `pods-${randomUUID()}`;
      const store = new InMemoryReadModelStore();
      const projection: Projection<Tally> = {
        name: `tally-${randomUUID()}`,
        collection: 'tallies',
        documentId: (e) => e.metadata.streamId,
        evolve: (doc, e) => ({
          count: (doc?.count ?? 0) + 1,
          lastRevision: e.metadata.revision,
          // An event applied out of order (or twice) would break the chain.
          inOrder: (doc?.inOrder ?? true) && e.metadata.revision === (doc?.lastRevision ?? -1) + 1,
        }),
      };
      // Two projector pods: their own bus and runner, one shared read-model store.
      const pods = [newBus([topic], { partitions: 6 }), newBus([topic], { partitions: 6 })].map((bus) => ({
        bus,
        runner: new ProjectionRunner(store, [projection as Projection<object>]),
        received: [] as RecordedEvent[],
        subscription: undefined as Subscription | undefined,
      }));
      await pods[0].bus.ensureTopics([topic]);
      for (const pod of pods) {
        await pod.runner.init();
        pod.subscription = await pod.bus.subscribe(group, async (batch) => {
          await pod.runner.handle(batch);
          pod.received.push(...batch);
        });
      }
      // Each pod joined (and the first one rejoined) before the other's subscribe resolved.
      const s = streams(24);
      const firstHalf = s.next(240);
      for (let i = 0; i < firstHalf.length; i += 24) await pods[0].bus.publish(firstHalf.slice(i, i + 24));
      await waitFor(() => pods[0].received.length + pods[1].received.length >= firstHalf.length, 'the first half');
      expect(pods[0].received.length).toBeGreaterThan(0);
      expect(pods[1].received.length).toBeGreaterThan(0);

      const receivedBefore = pods[0].received.length;
      const secondHalf = s.next(240);
      for (let i = 0; i < secondHalf.length; i += 24) {
        if (i === 72) await pods[1].subscription!.stop();
        await pods[0].bus.publish(secondHalf.slice(i, i + 24));
        await sleep(20);
      }

      const total = (perStream: number) => async () => {
        const docs = await store.getMany<Tally>(projection.collection, s.ids);
        return s.ids.every((id) => docs.get(id)?.doc.count === perStream);
      };
      await waitFor(total(20), 'every event applied', 45_000);
      const docs = await store.getMany<Tally>(projection.collection, s.ids);
      for (const id of s.ids) expect(docs.get(id)!.doc).toEqual({ count: 20, lastRevision: 19, inOrder: true });
      // The remaining pod took over the partitions the other one left.
      const takenOver = pods[0].received.slice(receivedBefore).filter((e) => pods[1].received.some((o) => o.metadata.streamId === e.metadata.streamId));
      expect(takenOver.length).toBeGreaterThan(0);
    },
    SLOW,
  );
});

interface Tally {
  count: number;
  lastRevision: number;
  inOrder: boolean;
}
