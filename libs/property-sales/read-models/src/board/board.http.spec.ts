import 'reflect-metadata';
import { Global, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ProjectionRunner, type DomainEvent, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { InMemoryReadModelStore, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { AuthModule, issueToken } from '@ebp/shared-auth';
import { CLOCK, LIVE_EVENTS, LiveEventsFanout, READ_MODEL_STORE, createHttpApp } from '@ebp/shared-nest';
import { unitStream } from '@ebp/property-sales-domain';
import { SalesBoardLive } from './board-live';
import { salesBoardProjection } from './board.projection';
import { BoardQueryModule } from './board-query.module';
import { SALES_CONTROL_PAGE } from './sales-control.page';

const SECRET = 'ps-board-spec';
const NOW = '2026-03-02T18:30:00+08:00';

const listed = (building: string, number: string, floor: number): { streamId: string; event: DomainEvent } => ({
  streamId: unitStream(`lakeside.${building}.${number}`),
  event: {
    type: 'UnitListed',
    data: { unitId: `lakeside.${building}.${number}`, projectId: 'lakeside', buildingId: building, number, floor, type: 'apartment', areaCentiSqm: 9000, listPriceFen: 200_000_000, priceApprovedBy: 'sm', listedBy: 'sm', listedAt: NOW },
  },
});
const heldBack = (unitId: string): DomainEvent => ({ type: 'UnitHeldBack', data: { unitId, by: 'sm', reason: 'x', at: NOW } });

/** The read, or null after `ms` (the timer cleared either way, so nothing is left pending). */
async function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a text/event-stream until `until` matches what arrived (or the stream ends). */
class SseReader {
  text = '';
  ended = false;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(readonly response: Response) {
    this.reader = response.body!.getReader();
  }

  async until(pattern: RegExp, timeoutMs = 3000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.text)) {
      if (this.ended) throw new Error(`stream ended before ${pattern}: ${this.text}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${pattern} within ${timeoutMs} ms: ${this.text}`);
      const chunk = await within(this.reader.read(), left);
      if (chunk === null) continue;
      if (chunk.done) this.ended = true;
      else this.text += this.decoder.decode(chunk.value, { stream: true });
    }
    return this.text;
  }

  async end(timeoutMs = 3000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('the stream did not end');
      const chunk = await within(this.reader.read().catch(() => ({ done: true as const, value: undefined })), left);
      if (chunk?.done) this.ended = true;
      else if (chunk) this.text += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
  }
}

describe('sales-control board over HTTP: JSON, Server-Sent Events and the page (PS-1)', () => {
  let app: NestFastifyApplication;
  let url: string;
  let live: LiveEventsFanout;
  let store: InMemoryReadModelStore;
  const token = (userId: string, ...roles: string[]) => issueToken(SECRET, { userId, roles });
  const SUPERVISOR = token('ss-qian', 'site-supervisor');
  const SALES = token('sp-wang', 'salesperson');
  const HR = token('hr-1', 'hr-manager');
  const EVENTS = '/property-sales/projects/lakeside/buildings/b1/board/events';
  const readers: SseReader[] = [];

  async function open(path: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const response = await fetch(url + path, { headers });
    const reader = new SseReader(response);
    readers.push(reader);
    return reader;
  }

  /** What the host does: the projections handle a batch, then the live feed gets it. */
  async function append(...events: { streamId: string; event: DomainEvent }[]): Promise<RecordedEvent[]> {
    const batch = events.map(({ streamId, event }) => recorded(event, { streamId }));
    await new ProjectionRunner(store, [salesBoardProjection]).handle(batch);
    live.publish(batch);
    return batch;
  }

  beforeAll(async () => {
    resetRecorded();
    store = new InMemoryReadModelStore();
    live = new LiveEventsFanout();
    @Global()
    @Module({
      providers: [
        { provide: READ_MODEL_STORE, useValue: store },
        { provide: CLOCK, useValue: { now: () => NOW } },
        { provide: LIVE_EVENTS, useValue: live },
      ],
      exports: [READ_MODEL_STORE, CLOCK, LIVE_EVENTS],
    })
    class HostPortsModule {}
    @Module({ imports: [AuthModule.forRoot({ secret: SECRET }), HostPortsModule, BoardQueryModule] })
    class HostModule {}
    await append(listed('b1', '101', 1), listed('b1', '102', 1), listed('b1', '201', 2), listed('b2', '101', 1));
    app = await createHttpApp(HostModule, { title: 'board spec', logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = await app.getUrl();
    url = url.replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await Promise.all(readers.map((r) => r.cancel()));
    await app?.close();
  });

  it('PS-1 the board as JSON for every sales-centre role, with the Authorization header only', async () => {
    const ok = await fetch(`${url}/property-sales/projects/lakeside/buildings/b1/board`, { headers: { authorization: `Bearer ${SALES}` } });
    expect(ok.status).toBe(200);
    const board = (await ok.json()) as { floors: { floor: number; units: { number: string; state: string }[] }[] };
    expect(board.floors.map((f) => [f.floor, f.units.map((u) => u.number)])).toEqual([
      [2, ['201']],
      [1, ['101', '102']],
    ]);
    // Only routes marked @TokenInQuery take ?access_token=.
    expect((await fetch(`${url}/property-sales/projects/lakeside/buildings/b1/board?access_token=${SALES}`)).status).toBe(401);
    expect((await fetch(`${url}/property-sales/projects/lakeside/buildings/b1/board`, { headers: { authorization: `Bearer ${HR}` } })).status).toBe(403);
    expect((await fetch(`${url}/property-sales/projects/lakeside/buildings/b9/board`, { headers: { authorization: `Bearer ${SALES}` } })).status).toBe(404);
  });

  it('PS-1 the event stream refuses 401 without a token or with a bad one (header or ?access_token=), 403 for a role not allowed', async () => {
    expect((await fetch(url + EVENTS)).status).toBe(401);
    expect((await fetch(`${url}${EVENTS}?access_token=not-a-token`)).status).toBe(401);
    expect((await fetch(`${url}${EVENTS}?access_token=${issueToken('other-secret', { userId: 'x', roles: ['site-manager'] })}`)).status).toBe(401);
    expect((await fetch(url + EVENTS, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const forbidden = await fetch(`${url}${EVENTS}?access_token=${HR}`);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toMatch(/salesperson/);
    expect((await fetch(`${url}/property-sales/projects/lake.side/buildings/b1/board/events?access_token=${SALES}`)).status).toBe(400);
  });

  it('PS-1 one `event: unit` message per state change of a unit of that building (token in the query or the header), heartbeats, nothing of other buildings', async () => {
    const byQuery = await open(`${EVENTS}?access_token=${SALES}`);
    const byHeader = await open(EVENTS, { authorization: `Bearer ${SUPERVISOR}` });
    expect(byQuery.response.status).toBe(200);
    expect(byQuery.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await byQuery.until(/: board lakeside\.b1\n\n/);
    await byHeader.until(/: board lakeside\.b1\n\n/);
    await eventuallyStreams(2);

    const [b2] = await append({ streamId: unitStream('lakeside.b2.101'), event: heldBack('lakeside.b2.101') });
    const [held] = await append({ streamId: unitStream('lakeside.b1.201'), event: heldBack('lakeside.b1.201') });
    // Not a state change: a price sheet says nothing on the board.
    await append({ streamId: unitStream('lakeside.b1.201'), event: { type: 'PriceSheetRecorded', data: { unitId: 'lakeside.b1.201', priceSheetId: 'p1' } } });
    const [reserved] = await append({
      streamId: unitStream('lakeside.b1.101'),
      event: { type: 'UnitReserved', data: { unitId: 'lakeside.b1.101', customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', reservedAt: NOW, expiresAt: '2026-03-03T18:30:00+08:00' } },
    });
    for (const stream of [byQuery, byHeader]) {
      const text = await stream.until(/"unitId":"lakeside\.b1\.101"/);
      const messages = text.split('\n\n').filter((m) => m.startsWith('event: '));
      expect(messages).toEqual([
        `event: unit\nid: ${held.metadata.position}\ndata: ${JSON.stringify({ unitId: 'lakeside.b1.201', number: '201', floor: 2, state: 'held', expiresAt: null, position: held.metadata.position })}`,
        `event: unit\nid: ${reserved.metadata.position}\ndata: ${JSON.stringify({ unitId: 'lakeside.b1.101', number: '101', floor: 1, state: 'reserved', expiresAt: '2026-03-03T18:30:00+08:00', position: reserved.metadata.position })}`,
      ]);
      expect(text).not.toContain(`id: ${b2.metadata.position}\n`);
    }
    app.get(SalesBoardLive).beat();
    await byQuery.until(/: heartbeat\n\n/);
  });

  it('PS-1 a stream is dropped when its client goes away', async () => {
    const hub = app.get(SalesBoardLive);
    const before = hub.streamCount();
    const stream = await open(`${EVENTS}?access_token=${SALES}`);
    await stream.until(/: board/);
    await eventuallyStreams(before + 1);
    await stream.cancel();
    await eventuallyStreams(before);
  });

  it('PS-1 the page is a public HTML shell holding no data', async () => {
    const page = await fetch(`${url}/sales-control/lakeside/b1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toBe(SALES_CONTROL_PAGE);
    expect(html).not.toMatch(/lakeside|b1\b|200000000/);
    expect(html).toContain("new EventSource(base + '/events?access_token='");
    expect((await fetch(`${url}/sales-control/lake.side/b1`)).status).toBe(400);
  });

  it('PS-1 open streams end when the app shuts down, and the shutdown does not wait for them', async () => {
    const streams = [await open(`${EVENTS}?access_token=${SALES}`), await open(`${EVENTS}?access_token=${SUPERVISOR}`)];
    for (const s of streams) await s.until(/: board/);
    const started = Date.now();
    await app.close();
    const took = Date.now() - started;
    for (const s of streams) await s.end(2000);
    expect(took).toBeLessThan(2000);
  });

  async function eventuallyStreams(n: number): Promise<void> {
    const deadline = Date.now() + 2000;
    while (app.get(SalesBoardLive).streamCount() !== n) {
      if (Date.now() > deadline) throw new Error(`expected ${n} open streams, have ${app.get(SalesBoardLive).streamCount()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
});
