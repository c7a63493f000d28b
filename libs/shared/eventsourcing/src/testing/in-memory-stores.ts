import type { ExpectedRevision, NewEvent, RecordedEvent } from '../envelope';
import { WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  BatchHandler,
  Condition,
  DocQuery,
  DocWrite,
  EventStore,
  Page,
  ReadModelStore,
  Scalar,
  StoredDoc,
  Subscription,
} from '../ports';

/**
 * Test doubles for the core's own specs. They pass the same contract suites as the real
 * adapters (in-memory-stores.spec.ts), so a test that passes on them means something.
 */

/** JSON round-trip: what a real store does to anything it keeps, so callers cannot alias its state. */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function sleep(ms: number, wake: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([timeout, wake]).finally(() => clearTimeout(timer));
}

export interface InMemoryEventStoreOptions {
  /** First pause before a failed batch is delivered again; doubles up to 2 s. */
  retryDelayMs?: number;
}

export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly subscriptions = new Set<InMemorySubscription>();

  constructor(private readonly options: InMemoryEventStoreOptions = {}) {}

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    if (expectedRevision !== 'any' && expectedRevision !== actual) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    }
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      const recorded: RecordedEvent = copy({
        type: event.type,
        data: event.data ?? null,
        metadata: { ...event.metadata, streamId, revision: stream.length, position: this.log.length + 1, recordedAt },
      });
      stream.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamId, stream);
    for (const subscription of this.subscriptions) subscription.wake();
    const last = stream[stream.length - 1];
    return { nextExpectedRevision: stream.length - 1, lastPosition: last?.metadata.position ?? 0 };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return copy(this.streams.get(streamId) ?? []);
  }

  async readAll({ after, limit }: { after: number; limit: number }): Promise<RecordedEvent[]> {
    // Positions are dense from 1, so position p sits at index p - 1.
    return copy(this.log.slice(Math.max(0, after), Math.max(0, after) + limit));
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  subscribeToAll(options: { after: number; batchSize?: number }, handler: BatchHandler): Subscription {
    const subscription = new InMemorySubscription(this, options.after, options.batchSize ?? 500, handler, this.options.retryDelayMs ?? 20);
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  async close(): Promise<void> {
    for (const subscription of [...this.subscriptions]) await subscription.stop();
    this.subscriptions.clear();
  }
}

class InMemorySubscription {
  private stopped = false;
  private wakeUp: () => void = () => undefined;
  private readonly done: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private position: number,
    private readonly batchSize: number,
    private readonly handler: BatchHandler,
    private readonly retryDelayMs: number,
  ) {
    this.done = this.run();
  }

  wake(): void {
    this.wakeUp();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp();
    await this.done;
  }

  private nextWake(): Promise<void> {
    return new Promise((resolve) => (this.wakeUp = resolve));
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const woken = this.nextWake();
      const batch = await this.store.readAll({ after: this.position, limit: this.batchSize });
      if (batch.length === 0) {
        await sleep(1000, woken);
        continue;
      }
      if (await this.deliver(batch)) this.position = batch[batch.length - 1].metadata.position;
    }
  }

  /** Retries the same batch until it is handled or the subscription stops. */
  private async deliver(batch: RecordedEvent[]): Promise<boolean> {
    for (let delay = this.retryDelayMs; !this.stopped; delay = Math.min(delay * 2, 2000)) {
      try {
        await this.handler(batch);
        return true;
      } catch {
        await sleep(delay, this.nextWake());
      }
    }
    return false;
  }
}

interface Entry {
  position: number;
  /** null = deleted; kept so a late, older write cannot bring the document back. */
  doc: Record<string, unknown> | null;
}

export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, Map<string, Entry>>();
  private readonly checkpoints = new Map<string, number>();

  async get<T = Record<string, unknown>>(collection: string, id: string): Promise<StoredDoc<T> | null> {
    const entry = this.collections.get(collection)?.get(id);
    return entry?.doc ? { id, position: entry.position, doc: copy(entry.doc) as T } : null;
  }

  async getMany<T = Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, StoredDoc<T>>> {
    const found = new Map<string, StoredDoc<T>>();
    for (const id of ids) {
      const stored = await this.get<T>(collection, id);
      if (stored) found.set(id, stored);
    }
    return found;
  }

  async find<T = Record<string, unknown>>(collection: string, query: DocQuery): Promise<Page<T>> {
    const where = Object.entries(query.where ?? {});
    const matches = [...(this.collections.get(collection) ?? new Map<string, Entry>()).entries()]
      .filter((pair): pair is [string, { position: number; doc: Record<string, unknown> }] => pair[1].doc !== null)
      .filter(([, entry]) => where.every(([field, condition]) => matchesCondition(valueAt(entry.doc, field), condition)))
      .sort(([idA, a], [idB, b]) => compareDocs(query.sort ?? [], idA, a.doc, idB, b.doc));
    const skip = query.skip ?? 0;
    const page = matches.slice(skip, query.limit === undefined ? undefined : skip + query.limit);
    return { items: page.map(([, entry]) => copy(entry.doc) as T), total: matches.length };
  }

  async commit(name: string, writes: DocWrite[], checkpoint: number): Promise<void> {
    for (const w of writes) {
      const docs = this.collections.get(w.collection) ?? new Map<string, Entry>();
      this.collections.set(w.collection, docs);
      const current = docs.get(w.id);
      if (current && current.position >= w.position) continue;
      docs.set(w.id, { position: w.position, doc: w.doc === null ? null : copy(w.doc) });
    }
    this.checkpoints.set(name, Math.max(this.checkpoints.get(name) ?? 0, checkpoint));
  }

  async reset(name: string, collections: string[]): Promise<void> {
    for (const collection of collections) this.collections.delete(collection);
    this.checkpoints.delete(name);
  }

  async ensureIndexes(): Promise<void> {
    // Nothing to index: every query scans.
  }

  async load(name: string): Promise<number> {
    return this.checkpoints.get(name) ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}

type Operators = Exclude<Condition, Scalar>;

function valueAt(doc: Record<string, unknown>, field: string): unknown {
  let value: unknown = doc;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function isOperators(condition: Condition): condition is Operators {
  return condition !== null && typeof condition === 'object';
}

function matchesCondition(value: unknown, condition: Condition): boolean {
  if (!isOperators(condition)) return equals(value, condition);
  return Object.entries(condition).every(([op, operand]) => matchesOperator(value, op, operand as Scalar | Scalar[]));
}

function matchesOperator(value: unknown, op: string, operand: Scalar | Scalar[]): boolean {
  switch (op) {
    case '$eq':
      return equals(value, operand as Scalar);
    case '$ne':
      return !equals(value, operand as Scalar);
    case '$in':
      return (operand as Scalar[]).some((candidate) => equals(value, candidate));
    case '$gt':
      return inRange(value, operand as Scalar, (c) => c > 0);
    case '$gte':
      return inRange(value, operand as Scalar, (c) => c >= 0);
    case '$lt':
      return inRange(value, operand as Scalar, (c) => c < 0);
    case '$lte':
      return inRange(value, operand as Scalar, (c) => c <= 0);
    default:
      throw new Error(`unsupported query operator ${op}`);
  }
}

function equals(value: unknown, operand: Scalar): boolean {
  if (operand === null) return value === null || value === undefined;
  return value === operand;
}

function inRange(value: unknown, operand: Scalar, accept: (comparison: number) => boolean): boolean {
  const comparable = (typeof value === 'number' && typeof operand === 'number') || (typeof value === 'string' && typeof operand === 'string');
  return comparable && accept(compareScalars(value, operand));
}

/** Missing and null < booleans and numbers < strings; within a kind, natural order. */
function rank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number' || typeof value === 'boolean') return 1;
  return 2;
}

function compareScalars(a: unknown, b: unknown): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0 || rank(a) === 0) return byRank;
  const [x, y] = rank(a) === 1 ? [Number(a), Number(b)] : [sortText(a), sortText(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function compareDocs(
  sort: NonNullable<DocQuery['sort']>,
  idA: string,
  a: Record<string, unknown>,
  idB: string,
  b: Record<string, unknown>,
): number {
  for (const { field, direction } of sort) {
    const c = compareScalars(valueAt(a, field), valueAt(b, field));
    if (c !== 0) return direction === 'desc' ? -c : c;
  }
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}
