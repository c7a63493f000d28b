import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

// Projection-lag probe of the distributed stack, in a worker thread so the load generator on the
// main thread does not delay its timers. Registers a ticket on service-desk-api, then polls
// query-api GET /service-desk/tickets/:id (a GET starts at most every `pollIntervalMs`) until it
// answers 200. Lag = 2xx of the command → first 200 of the query, both as received here; the path
// in between is SQLite → relay (cross-process poll) → Kafka → projector → MongoDB protocol store.

export interface DistributedLagProbeInput {
  commandUrl: string;
  queryUrl: string;
  tokens: string[];
  /** Pre-serialised RegisterTicketDto bodies to pick from. */
  bodies: string[];
  samples: number;
  concurrency: number;
  /** Sample i is started no earlier than i × spreadMs / samples after the start. */
  spreadMs: number;
  /** No new sample is started after this epoch ms (samples in flight still finish). */
  stopIssuingAt: number;
  /** Smallest gap between the starts of two GETs of one sample. */
  pollIntervalMs: number;
  /** Give up on one ticket after this long (counted as a timeout). */
  pollTimeoutMs: number;
}

export interface DistributedLagSample {
  lagMs: number;
  polls: number;
  /** Round trip of the RegisterTicket command itself. */
  commandMs: number;
}

export interface DistributedLagProbeOutput {
  samples: DistributedLagSample[];
  timeouts: number;
  failedCommands: number;
  failureStatuses: Record<string, number>;
}

/** Messages to the parent: one `acked` per 201 (so it can count tickets to wait for), then `done`. */
export type DistributedLagProbeMessage = { kind: 'acked' } | { kind: 'done'; output: DistributedLagProbeOutput };

const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

async function probe(input: DistributedLagProbeInput, acked: () => void): Promise<DistributedLagProbeOutput> {
  const out: DistributedLagProbeOutput = { samples: [], timeouts: 0, failedCommands: 0, failureStatuses: {} };
  const started = performance.now();
  const interval = input.spreadMs / input.samples;
  let next = 0;

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
    if (response.status !== 201) {
      out.failedCommands++;
      out.failureStatuses[response.status] = (out.failureStatuses[response.status] ?? 0) + 1;
      return;
    }
    acked();
    const id = (JSON.parse(text) as { id: string }).id;
    for (let polls = 1; ; polls++) {
      const pollStarted = performance.now();
      const r = await fetch(`${input.queryUrl}/service-desk/tickets/${id}`, { headers: auth });
      await r.arrayBuffer();
      const now = performance.now();
      if (r.status === 200) {
        out.samples.push({ lagMs: now - acknowledged, polls, commandMs: acknowledged - sent });
        return;
      }
      if (now - acknowledged > input.pollTimeoutMs) {
        out.timeouts++;
        return;
      }
      const wait = pollStarted + input.pollIntervalMs - performance.now();
      if (wait > 0) await sleep(wait);
    }
  };

  const loop = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= input.samples) return;
      const wait = started + i * interval - performance.now();
      if (wait > 0) await sleep(wait);
      if (Date.now() >= input.stopIssuingAt) return;
      try {
        await sampleOnce(i);
      } catch {
        out.failedCommands++;
        out.failureStatuses['network'] = (out.failureStatuses['network'] ?? 0) + 1;
      }
    }
  };

  await Promise.all(Array.from({ length: input.concurrency }, loop));
  return out;
}

if (parentPort) {
  const port = parentPort;
  const send = (message: DistributedLagProbeMessage): void => port.postMessage(message);
  probe(workerData as DistributedLagProbeInput, () => send({ kind: 'acked' })).then(
    (output) => send({ kind: 'done', output }),
    (error: unknown) => {
      throw error;
    },
  );
}
