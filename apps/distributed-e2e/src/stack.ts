import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { issueToken } from '@ebp/shared-auth';
import { readDistributedConfig, type DistributedConfig } from '@ebp/shared-runtime';
import {
  startCommandApi,
  startProjector,
  startQueryApi,
  startRelay,
  type RunningProjector,
  type RunningRelay,
} from '@ebp/platform-distributed';
import { contextNamed, contexts } from '@ebp/platform-contexts';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { items?: Record<string, unknown>[] };
}

/** A database of its own per run, so reruns against one server never see each other's documents. */
function isolatedMongoUrl(url: string, suffix: string): string {
  const parsed = new URL(url);
  const base = parsed.pathname.replace(/^\//, '') || 'ebp';
  parsed.pathname = `/${base}_${suffix}`;
  return parsed.toString();
}

/**
 * The distributed stack in one test process: every context's command API (service-desk-api,
 * hr-attendance-api, …) and the relay share an event store, relay → Kafka → projector → MongoDB ←
 * query-api. Each app is a real Nest app on its own port.
 */
export class DistributedStack {
  readonly config: DistributedConfig;
  readonly runId = randomUUID().slice(0, 8);
  private readonly dir = mkdtempSync(join(tmpdir(), 'ebp-dist-'));
  /** The command API of each context, by context name. */
  readonly commandApis = new Map<string, NestFastifyApplication>();
  relay?: RunningRelay;
  projector?: RunningProjector;
  queries?: NestFastifyApplication;

  constructor(engines: { kafka: string; mongo: string; esdb?: string }) {
    this.config = readDistributedConfig(
      { eventStore: true, kafka: true, mongo: true, jwt: true },
      {
        EVENT_STORE: engines.esdb ? 'kurrentdb' : 'sqlite',
        ESDB_URL: engines.esdb,
        EVENT_STORE_FILE: join(this.dir, 'events.db'),
        KAFKA_BROKERS: engines.kafka,
        KAFKA_TOPIC_PREFIX: `e2e-${this.runId}.`,
        KAFKA_CLIENT_ID: `e2e-${this.runId}`,
        MONGO_URL: isolatedMongoUrl(engines.mongo, `e2e_${this.runId}`),
        JWT_SECRET: `secret-${this.runId}`,
        PROJECTOR_GROUP: `e2e-projector-${this.runId}`,
        REACTOR_GROUP: `e2e-reactors-${this.runId}`,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
      },
    );
  }

  async start(): Promise<void> {
    for (const context of contexts) this.commandApis.set(context.name, await startCommandApi(context, this.config));
    this.queries = await startQueryApi(contexts, this.config);
    this.projector = await startProjector(contexts, this.config);
    this.relay = await startRelay(contexts, this.config);
  }

  async restartRelay(): Promise<void> {
    await this.relay?.app.close();
    this.relay = await startRelay(contexts, this.config);
  }

  async stopRelay(): Promise<void> {
    await this.relay?.app.close();
    this.relay = undefined;
  }

  async stopProjector(): Promise<void> {
    await this.projector?.app.close();
    this.projector = undefined;
  }

  async startProjector(): Promise<void> {
    this.projector = await startProjector(contexts, this.config);
  }

  async stop(): Promise<void> {
    for (const app of [this.relay?.app, this.projector?.app, this.queries, ...this.commandApis.values()]) await app?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  token(userId: string, ...roles: string[]): string {
    return issueToken(this.config.jwtSecret, { userId, roles });
  }

  /** A command to the context the path names (`/hr-attendance/…` → hr-attendance-api). */
  command(method: string, path: string, token: string, body?: unknown, contentType?: string) {
    const context = contextNamed(path.split('/')[1] ?? '');
    return this.http(this.commandApis.get(context.name)!, method, path, token, body, {}, contentType);
  }

  query(path: string, token: string, extraHeaders: Record<string, string> = {}) {
    return this.http(this.queries!, 'GET', path, token, undefined, extraHeaders);
  }

  private async http(
    app: NestFastifyApplication,
    method: string,
    path: string,
    token: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
    contentType?: string,
  ): Promise<HttpResult> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...extraHeaders };
    const raw = contentType !== undefined && typeof body === 'string';
    if (body !== undefined) headers['content-type'] = raw ? contentType : 'application/json';
    const response = await fetch((await app.getUrl()).replace('[::1]', '127.0.0.1') + path, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, headers: response.headers, body: text && json ? JSON.parse(text) : {} };
  }
}

/** Polls until the probe passes: the read side follows through Kafka, so it is eventually consistent. */
export async function eventually<T>(probe: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
