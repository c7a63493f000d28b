import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@ebp/shared-auth';
import { startPlatform, type RunningPlatform } from '../bootstrap';

export interface Harness {
  dataDir: string;
  platform: RunningPlatform;
  token(userId: string, ...roles: string[]): string;
  /** A string body with a `content-type` header is sent as is; any other body as JSON. */
  http(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<HttpResult>;
  restart(): Promise<void>;
  /** Resolves once every read model and every reactor has handled everything in the event store, reactions included. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  // Response bodies are JSON of varying shape; tests assert on them structurally.
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
  /** The raw response text (CSV, HTML). */
  text: string;
}

/** Boots the embedded platform on a fresh temporary data directory, on a random port. */
export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ebp-e2e-'));
  const config = { port: 0, host: '127.0.0.1', dataDir, eventStoreSync: 'NORMAL' as const, logger: false, jwtSecret: 'e2e-secret' };
  let platform = await startPlatform(config);
  const harness: Harness = {
    dataDir,
    get platform() {
      return platform;
    },
    token: (userId, ...roles) => issueToken(config.jwtSecret, { userId, roles }),
    async http(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      const raw = typeof options.body === 'string' && headers['content-type'] !== undefined;
      if (options.body !== undefined && !raw) headers['content-type'] = 'application/json';
      const response = await fetch(platform.url + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : raw ? (options.body as string) : JSON.stringify(options.body),
      });
      const text = await response.text();
      const json = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, headers: response.headers, body: text && json ? JSON.parse(text) : {}, text };
    },
    async restart() {
      await platform.app.close();
      platform = await startPlatform(config);
    },
    async settled() {
      // A reaction appends more events; settled means nothing moved while everything caught up.
      for (let head = -1; head !== (await platform.engine.eventStore.headPosition()); ) {
        head = await platform.engine.eventStore.headPosition();
        const reached = head;
        await eventually(async () => {
          expect(await platform.engine.runner.lowestCheckpoint()).toBeGreaterThanOrEqual(reached);
          expect(await platform.engine.reactedThrough()).toBeGreaterThanOrEqual(reached);
        });
      }
    },
    async stop() {
      await platform.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Polls until the assertion passes (read models follow the event store asynchronously). */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}
