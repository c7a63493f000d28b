import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { ticketStream } from '@ebp/service-desk-domain';

// Projection-lag probe of the distributed stack, in a worker thread so the load generator on the
// main thread does not delay its timers. Registers a ticket on service-desk-api, then polls
// query-api GET /service-desk/tickets/:id until it answers 200. Lag = 2xx of the command → first
// 200 of the query, both as received here; the path in between is SQLite → relay (cross-process
// poll of the shared file) → Kafka → projector → MongoDB protocol store.
//
// Samples are started on a fixed schedule (not one after another), so a growing backlog shows as
// growing lag instead of as fewer samples. GETs of one sample start `pollIntervalMs` apart, or
// `pollRelative` × the lag so far when that is longer: the error stays within a few percent while a
// backlog of seconds is not hammered with GETs that would slow the store being measured.
//
// With `observe`, a consumer of its own reads the events topic here too, so each sample's lag
// splits into command 2xx → event on Kafka (event store, relay) and the rest (projector, MongoDB
// protocol store, query-api). Times are epoch ms (timeOrigin + now) on this thread.

export interface DistributedLagProbeInput {
  commandUrl: string;
  queryUrl: string;
  tokens: string[];
  /** Pre-serialised RegisterTicketDto bodies to pick from. */
  bodies: string[];
  samples: number;
  /** Sample i is started i × spreadMs / samples after the start. */
  spreadMs: number;
  /** Most samples in flight at once; a sample due while this many are pending waits. */
  maxInFlight: number;
  /** No new sample is started this long after sampling began (samples in flight still finish). */
  issueForMs: number;
  /** Smallest gap between the starts of two GETs of one sample. */
  pollIntervalMs: number;
  /** Gap as a fraction of the lag so far, when that is longer than pollIntervalMs. */
  pollRelative: number;
  /** Give up on one ticket after this long (counted as a timeout). */
  pollTimeoutMs: number;
  /** Where the relay publishes, to time the Kafka leg of each sample. */
  observe?: { brokers: string[]; topic: string; groupId: string; clientId: string };
}

export interface DistributedLagSample {
  lagMs: number;
  polls: number;
  /** Round trip of the RegisterTicket command itself. */
  commandMs: number;
  /** Command 2xx → the event fetched from Kafka by the observer (undefined: not observed). */
  toKafkaMs?: number;
}

export interface DistributedLagProbeOutput {
  samples: DistributedLagSample[];
  timeouts: number;
  failedCommands: number;
  failureStatuses: Record<string, number>;
  /** Samples not started: stopIssuingAt came first. */
  notIssued: number;
  /** Command 2xx → event fetched from Kafka, for every acknowledged sample seen there (timed out or not). */
  toKafkaMs: number[];
  /** Why the Kafka leg was not timed, when `observe` was asked for. */
  observeProblem?: string;
}

/**
 * Messages to the parent: `ready` when sampling begins (after the observer joined its group), one
 * `acked` per 201 (so it can count the tickets to wait for), then `done`.
 */
export type DistributedLagProbeMessage = { kind: 'ready' } | { kind: 'acked' } | { kind: 'done'; output: DistributedLagProbeOutput };

const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
const epochMs = (): number => performance.timeOrigin + performance.now();

/** First time each stream id (message key) is fetched from the topic, in epoch ms. */
async function observeTopic(options: NonNullable<DistributedLagProbeInput['observe']>, seen: Map<string, number>): Promise<Consumer> {
  const kafka = new Kafka({ brokers: options.brokers, clientId: options.clientId, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  let removeListener: () => void = () => undefined;
  const joined = new Promise<void>((resolveJoin) => (removeListener = consumer.on(consumer.events.GROUP_JOIN, () => resolveJoin())));
  await consumer.connect();
  // A new group starts at the end of the topic: only what is published from now on is seen.
  await consumer.subscribe({ topics: [options.topic], fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const key = message.key?.toString();
      if (key !== undefined && !seen.has(key)) seen.set(key, epochMs());
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('observer did not join its group within 20 s')), 20_000)));
  try {
    await Promise.race([joined, timeout]);
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
    removeListener();
  }
  return consumer;
}

async function probe(input: DistributedLagProbeInput, send: (message: DistributedLagProbeMessage) => void): Promise<DistributedLagProbeOutput> {
  const out: DistributedLagProbeOutput = { samples: [], timeouts: 0, failedCommands: 0, failureStatuses: {}, notIssued: 0, toKafkaMs: [] };
  const fail = (status: string): void => {
    out.failedCommands++;
    out.failureStatuses[status] = (out.failureStatuses[status] ?? 0) + 1;
  };

  const seen = new Map<string, number>();
  /** Every acknowledged sample, with the visible one it became (if it did). */
  const acks: { stream: string; ackAt: number; sample?: DistributedLagSample }[] = [];
  let observer: Consumer | undefined;
  if (input.observe) {
    try {
      observer = await observeTopic(input.observe, seen);
    } catch (error) {
      out.observeProblem = error instanceof Error ? error.message : String(error);
    }
  }

  const sampleOnce = async (i: number): Promise<void> => {
    const auth = { authorization: `Bearer ${input.tokens[i % input.tokens.length]}` };
    const sent = performance.now();
    const response = await fetch(`${input.commandUrl}/service-desk/tickets`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: input.bodies[i % input.bodies.length],
    });
    const text = await response.text();
    const acknowledged = performance.now();
    const ackAt = epochMs();
    if (response.status !== 201) return fail(String(response.status));
    send({ kind: 'acked' });
    const id = (JSON.parse(text) as { id: string }).id;
    const ack: (typeof acks)[number] = { stream: ticketStream(id), ackAt };
    acks.push(ack);
    for (let polls = 1; ; polls++) {
      const pollStarted = performance.now();
      const r = await fetch(`${input.queryUrl}/service-desk/tickets/${id}`, { headers: auth });
      await r.arrayBuffer();
      const now = performance.now();
      if (r.status === 200) {
        const sample: DistributedLagSample = { lagMs: now - acknowledged, polls, commandMs: acknowledged - sent };
        out.samples.push(sample);
        ack.sample = sample;
        return;
      }
      if (now - acknowledged > input.pollTimeoutMs) {
        out.timeouts++;
        return;
      }
      const gap = Math.max(input.pollIntervalMs, (pollStarted - acknowledged) * input.pollRelative);
      const wait = pollStarted + gap - performance.now();
      if (wait > 0) await sleep(wait);
    }
  };

  send({ kind: 'ready' });
  const started = performance.now();
  const stopIssuingAt = started + input.issueForMs;
  const interval = input.samples > 0 ? input.spreadMs / input.samples : 0;
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < input.samples; i++) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await sleep(wait);
    while (pending.size >= input.maxInFlight) await Promise.race(pending);
    if (performance.now() >= stopIssuingAt) {
      out.notIssued = input.samples - i;
      break;
    }
    const sample: Promise<void> = sampleOnce(i)
      .catch(() => fail('network'))
      .finally(() => pending.delete(sample));
    pending.add(sample);
  }
  await Promise.all(pending);
  if (observer) {
    await sleep(200); // a fetch in flight may still hold the last events
    await observer.disconnect().catch(() => undefined);
    for (const { stream, ackAt, sample } of acks) {
      const at = seen.get(stream);
      if (at === undefined) continue;
      out.toKafkaMs.push(at - ackAt);
      if (sample) sample.toKafkaMs = at - ackAt;
    }
  }
  return out;
}

if (parentPort) {
  const port = parentPort;
  const send = (message: DistributedLagProbeMessage): void => port.postMessage(message);
  probe(workerData as DistributedLagProbeInput, send).then(
    (output) => send({ kind: 'done', output }),
    (error: unknown) => {
      throw error;
    },
  );
}
