import type { RecordedEvent } from './envelope';
import type { DocWrite, EventStore, ReadModelStore } from './ports';

/** `evolve(document | null, event) → document | null`, one document per id. */
export interface Projection<Doc extends object = Record<string, unknown>> {
  name: string;
  collection: string;
  /** Fields queried often; adapters index them. */
  indexes?: string[];
  /** Which document an event touches, or null when the projection ignores it. */
  // Method syntax keeps projections of different document types in one list.
  documentId(event: RecordedEvent): string | null;
  evolve(doc: Doc | null, event: RecordedEvent): Doc | null;
}

interface Pending {
  doc: Record<string, unknown> | null;
  position: number;
  changed: boolean;
}

/**
 * Applies events to read models exactly once per document: an event whose position is not
 * beyond the document's last applied position is skipped, so redelivery changes nothing.
 */
export class ProjectionRunner {
  private readonly byName: Map<string, Projection<object>>;
  // load → evolve → write must not interleave for one projection, or an update could be lost.
  private readonly queues = new Map<string, Promise<unknown>>();
  // Checkpoints last written: a batch that moves nothing need not be written again.
  private readonly saved = new Map<string, number>();

  constructor(
    private readonly store: ReadModelStore,
    readonly projections: Projection<object>[],
  ) {
    this.byName = new Map(projections.map((p) => [p.name, p]));
  }

  async init(): Promise<void> {
    for (const p of this.projections) await this.store.ensureIndexes(p.collection, p.indexes ?? []);
  }

  /** `watermark`: the bus promises nothing at or below it is still to come, so checkpoints may move up to it. */
  async handle(events: RecordedEvent[], watermark?: number): Promise<void> {
    for (const projection of this.projections) await this.apply(projection, events, watermark);
  }

  apply(projection: Projection<object>, events: RecordedEvent[], watermark?: number): Promise<void> {
    return this.exclusive(projection, () => this.applyNow(projection, events, watermark));
  }

  private exclusive<T>(projection: Projection<object>, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(projection.name) ?? Promise.resolve();
    const next = previous.then(work);
    this.queues.set(projection.name, next.catch(() => undefined));
    return next;
  }

  private async applyNow(projection: Projection<object>, events: RecordedEvent[], watermark = 0): Promise<void> {
    const checkpoint = Math.max(watermark, events.length ? events[events.length - 1].metadata.position : 0);
    if (checkpoint === 0) return;
    const targets = events.map((e) => projection.documentId(e));
    const ids = [...new Set(targets.filter((id): id is string => id !== null))];
    const stored = ids.length ? await this.store.getMany(projection.collection, ids) : new Map();
    const pending = new Map<string, Pending>();
    for (const id of ids) {
      const s = stored.get(id);
      pending.set(id, { doc: s ? (s.doc as Record<string, unknown>) : null, position: s?.position ?? 0, changed: false });
    }
    events.forEach((event, i) => {
      const id = targets[i];
      if (id === null) return;
      const p = pending.get(id)!;
      if (event.metadata.position <= p.position) return;
      p.doc = projection.evolve(p.doc as object | null, event) as Record<string, unknown> | null;
      p.position = event.metadata.position;
      p.changed = true;
    });
    const writes: DocWrite[] = [];
    for (const [id, p] of pending) {
      if (p.changed) writes.push({ collection: projection.collection, id, doc: p.doc, position: p.position });
    }
    // The checkpoint moves past ignored events too, so "caught up to p" is exact (read-your-writes).
    if (writes.length === 0 && checkpoint <= (this.saved.get(projection.name) ?? 0)) return;
    await this.store.commit(projection.name, writes, checkpoint);
    this.saved.set(projection.name, checkpoint);
  }

  /**
   * Brings every projection up to the store's head from its own checkpoint, reading the log
   * once for all of them. Returns the events read.
   */
  async catchUp(eventStore: EventStore, batchSize = 5000): Promise<number> {
    const from = new Map<string, number>();
    for (const p of this.projections) from.set(p.name, await this.store.load(p.name));
    let after = Math.min(...from.values());
    let total = 0;
    for (;;) {
      const batch = await eventStore.readAll({ after, limit: batchSize });
      if (batch.length === 0) return total;
      for (const projection of this.projections) {
        const start = from.get(projection.name) ?? 0;
        const unseen = batch.filter((e) => e.metadata.position > start);
        if (unseen.length) await this.exclusive(projection, () => this.applyNow(projection, unseen));
      }
      after = batch[batch.length - 1].metadata.position;
      total += batch.length;
    }
  }

  /** The lowest checkpoint of all projections: everything up to it is applied everywhere. */
  async lowestCheckpoint(): Promise<number> {
    const checkpoints = await Promise.all(this.projections.map((p) => this.store.load(p.name)));
    return checkpoints.length ? Math.min(...checkpoints) : 0;
  }

  /** Drops a projection's documents and rebuilds them from position 0; live batches wait meanwhile. */
  rebuild(eventStore: EventStore, name: string, batchSize = 5000): Promise<number> {
    const projection = this.byName.get(name);
    if (!projection) return Promise.reject(new Error(`unknown projection ${name}`));
    return this.exclusive(projection, async () => {
      await this.store.reset(projection.name, [projection.collection]);
      this.saved.delete(projection.name);
      return this.replay(eventStore, projection, batchSize);
    });
  }

  names(): string[] {
    return this.projections.map((p) => p.name);
  }

  private async replay(eventStore: EventStore, projection: Projection<object>, batchSize: number): Promise<number> {
    let after = await this.store.load(projection.name);
    let total = 0;
    for (;;) {
      const batch = await eventStore.readAll({ after, limit: batchSize });
      if (batch.length === 0) return total;
      await this.applyNow(projection, batch);
      after = batch[batch.length - 1].metadata.position;
      total += batch.length;
    }
  }
}
