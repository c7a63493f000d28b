import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

// Projection-lag probe, run in a worker thread so the load generator on the main thread does not
// delay its timers: registers a ticket, then polls GET /service-desk/tickets/:id back to back until
// the read model has it. Lag = 2xx of the command → first 200 of the query (both as received here).

export interface LagProbeInput {
  baseUrl: string;
  tokens: string[];
  /** Pre-serialised RegisterTicketDto bodies to pick from. */
  bodies: string[];
  samples: number;
  concurrency: number;
  /** Epoch ms when the load run ends; samples after it are tagged `after`. */
  loadEndsAt: number;
  /** Samples are spread evenly over this many ms (then taken as fast as they go). */
  spreadMs: number;
  /** Hard stop for the whole probe. */
  deadlineMs: number;
  /** Give up on one ticket after this long (counted as a timeout). */
  pollTimeoutMs: number;
}

export interface LagSample {
  lagMs: number;
  polls: number;
  phase: 'load' | 'after';
}

export interface LagProbeOutput {
  samples: LagSample[];
  timeouts: number;
  failedCommands: number;
  failureStatuses: Record<string, number>;
}

async function probe(input: LagProbeInput): Promise<LagProbeOutput> {
  const out: LagProbeOutput = { samples: [], timeouts: 0, failedCommands: 0, failureStatuses: {} };
  const started = performance.now();
  const interval = input.spreadMs / input.samples;
  let next = 0;

  const sampleOnce = async (i: number): Promise<void> => {
    const token = input.tokens[i % input.tokens.length];
    const auth = { authorization: `Bearer ${token}` };
    const response = await fetch(`${input.baseUrl}/service-desk/tickets`, {
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
    const phase = Date.now() <= input.loadEndsAt ? 'load' : 'after';
    const id = (JSON.parse(text) as { id: string }).id;
    for (let polls = 1; ; polls++) {
      const r = await fetch(`${input.baseUrl}/service-desk/tickets/${id}`, { headers: auth });
      await r.arrayBuffer();
      const now = performance.now();
      if (r.status === 200) {
        out.samples.push({ lagMs: now - acknowledged, polls, phase });
        return;
      }
      if (now - acknowledged > input.pollTimeoutMs) {
        out.timeouts++;
        return;
      }
    }
  };

  const loop = async (): Promise<void> => {
    for (;;) {
      const i = next++;
      if (i >= input.samples || performance.now() - started > input.deadlineMs) return;
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
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
  probe(workerData as LagProbeInput).then(
    (output) => port.postMessage(output),
    (error: unknown) => {
      throw error;
    },
  );
}
