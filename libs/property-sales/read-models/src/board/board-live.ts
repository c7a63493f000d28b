import { Inject, Injectable, Logger, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { ReadModelStore, RecordedEvent } from '@ebp/shared-eventsourcing';
import { CLOCK, LIVE_EVENTS, READ_MODEL_STORE, type Clock, type LiveEvents } from '@ebp/shared-nest';
import { BOARDS_COLLECTION, STATE_EVENTS, boardIdOf, boardIdOfEvent, evolveBoard, type BoardCell, type BoardDoc } from './board.projection';
import { unitMessageAt } from './board.view';

/** Comment lines every 15 s keep proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;
/** A client that lets this much pile up unread is dropped (it reconnects and reloads the board). */
export const MAX_BUFFERED_BYTES = 1_048_576;

interface Watched {
  /** undefined until loaded from the read model; null when the board has no document yet. */
  doc: BoardDoc | null | undefined;
  streams: Set<ServerResponse>;
}

/** One Server-Sent Events message (`event:` + `id:` + one `data:` line of JSON). */
export const sseMessage = (event: string, id: number, data: unknown): string => `event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * PS-1: the live board streams. Each watched building keeps its board in memory, loaded from the
 * read model when its first stream opens and folded forward with the live feed (the projection's own
 * `evolve`), so a message carries the unit's floor and state even when the read model lags (the
 * distributed mode). Loads and batches run one after another, so every stream sees a building's
 * changes in order. Streams end when the client goes away or the module is destroyed (app shutdown,
 * before the HTTP server closes: an open stream would keep it from closing).
 */
@Injectable()
export class SalesBoardLive implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SalesBoardLive');
  private readonly watched = new Map<string, Watched>();
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe?: () => void;
  private heartbeat?: NodeJS.Timeout;
  private closed = false;

  constructor(
    // Optional: a host without a live feed serves the board, and answers its stream with 503.
    @Optional() @Inject(LIVE_EVENTS) private readonly live: LiveEvents | null,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.live?.subscribe((events) => {
      if (this.watched.size === 0) return;
      this.enqueue(() => this.handle(events));
    });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Ends every stream: the clients see the end of the response (EventSource then retries elsewhere). */
  onModuleDestroy(): void {
    this.closed = true;
    this.unsubscribe?.();
    clearInterval(this.heartbeat);
    for (const { streams } of this.watched.values()) for (const stream of streams) stream.end();
    this.watched.clear();
  }

  /** Why no stream can open now (null: it can). */
  refusal(): string | null {
    if (this.closed) return 'the server is shutting down';
    if (!this.live) return 'this host has no live event feed';
    return null;
  }

  /** Open streams, for tests and metrics. */
  streamCount(): number {
    let n = 0;
    for (const w of this.watched.values()) n += w.streams.size;
    return n;
  }

  /** Starts an event stream on `raw` (headers not yet sent) for one building's board. */
  open(projectId: string, buildingId: string, raw: ServerResponse): void {
    const boardId = boardIdOf(projectId, buildingId);
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx and friends must pass each message on at once.
      'x-accel-buffering': 'no',
    });
    raw.write(`retry: 2000\n: board ${boardId}\n\n`);
    let watched = this.watched.get(boardId);
    if (!watched) {
      const entry: Watched = { doc: undefined, streams: new Set() };
      this.watched.set(boardId, (watched = entry));
      this.enqueue(async () => {
        entry.doc = (await this.store.get<BoardDoc>(BOARDS_COLLECTION, boardId))?.doc ?? null;
      });
    }
    watched.streams.add(raw);
    const done = () => this.drop(boardId, raw);
    raw.on('close', done);
    raw.on('error', done);
  }

  private drop(boardId: string, raw: ServerResponse): void {
    const watched = this.watched.get(boardId);
    if (!watched) return;
    watched.streams.delete(raw);
    if (watched.streams.size === 0) this.watched.delete(boardId);
  }

  private enqueue(work: () => Promise<void> | void): void {
    this.queue = this.queue.then(work).catch((error: unknown) => this.logger.error(`live board update failed: ${String(error)}`));
  }

  private async handle(events: RecordedEvent[]): Promise<void> {
    const now = this.clock.now();
    for (const event of events) {
      const boardId = boardIdOfEvent(event);
      const watched = boardId === null ? undefined : this.watched.get(boardId);
      if (!watched || watched.doc === undefined) continue;
      const position = event.metadata.position;
      if (watched.doc !== null && position <= watched.doc.position) continue;
      const unitId = (event.data as { unitId?: unknown }).unitId;
      const before = typeof unitId === 'string' ? cellOf(watched.doc, unitId) : null;
      watched.doc = evolveBoard(watched.doc, event);
      if (typeof unitId !== 'string') continue;
      const after = cellOf(watched.doc, unitId);
      if (!after || after === before) continue;
      if (STATE_EVENTS.has(event.type) && (before === null || before.status !== after.status || before.expiresAt !== after.expiresAt)) {
        this.send(watched, sseMessage('unit', position, unitMessageAt(after, now)));
      } else if (event.type === 'UnitPriceChanged') {
        this.send(watched, sseMessage('price', position, { unitId, listPriceFen: after.listPriceFen, position }));
      }
    }
  }

  private send(watched: Watched, text: string): void {
    for (const stream of watched.streams) {
      if (stream.writableLength > MAX_BUFFERED_BYTES) {
        stream.end();
        continue;
      }
      stream.write(text);
    }
  }

  /** Writes one heartbeat comment to every stream (the timer does every HEARTBEAT_MS). */
  beat(): void {
    for (const { streams } of this.watched.values()) for (const stream of streams) stream.write(': heartbeat\n\n');
  }
}

const cellOf = (doc: BoardDoc | null, unitId: string): BoardCell | null => doc?.units.find((c) => c.unitId === unitId) ?? null;
