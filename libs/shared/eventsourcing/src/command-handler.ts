import { randomUUID } from 'node:crypto';
import type { CommandMetadata, Decider } from './decider';
import { fold } from './decider';
import { NO_STREAM, type DomainEvent, type NewEvent, type RecordedEvent } from './envelope';
import { ConcurrencyConflictError, PreconditionFailedError, WrongExpectedRevisionError } from './errors';
import type { EventStore } from './ports';

export interface CommandOptions {
  /** Revision from the client's `If-Match`: a mismatch refuses the command (412) without deciding. */
  ifMatch?: number;
  /** Attempts when a concurrent writer wins the race and no `If-Match` was sent. */
  maxAttempts?: number;
  schemaVersion?: number;
}

export interface CommandResult<Event extends DomainEvent> {
  streamId: string;
  /** Revision of the stream after the command: the response's ETag. */
  revision: number;
  position: number;
  events: RecordedEvent<Event>[] | NewEvent<Event>[];
}

/**
 * Read stream → fold → decide → append with the expected revision. A lost race is decided
 * again on fresh state (bounded), never merged blindly; with `If-Match` it is refused instead.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  decider: Decider<State, Command, Event>,
  streamId: string,
  command: Command,
  meta: CommandMetadata,
  options: CommandOptions = {},
): Promise<CommandResult<Event>> {
  const maxAttempts = options.ifMatch === undefined ? (options.maxAttempts ?? 5) : 1;
  const correlationId = meta.correlationId ?? randomUUID();
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const revision = history.length === 0 ? NO_STREAM : history[history.length - 1].metadata.revision;
    if (options.ifMatch !== undefined && options.ifMatch !== revision) {
      throw new PreconditionFailedError(streamId, options.ifMatch, revision);
    }
    const state = fold(decider, history as unknown as Event[]);
    const decided = decider.decide(command, state);
    if (decided.length === 0) {
      return { streamId, revision, position: 0, events: [] };
    }
    const events: NewEvent<Event>[] = decided.map((e) => ({
      type: e.type,
      data: e.data,
      metadata: {
        eventId: randomUUID(),
        occurredAt: meta.now,
        actor: meta.actor,
        correlationId,
        causationId: meta.causationId ?? null,
        schemaVersion: options.schemaVersion ?? 1,
      },
    }));
    try {
      const result = await store.append(streamId, events as NewEvent[], revision);
      return { streamId, revision: result.nextExpectedRevision, position: result.lastPosition, events };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.ifMatch !== undefined) {
        throw new PreconditionFailedError(streamId, options.ifMatch, error.actual);
      }
      if (attempt >= maxAttempts) throw new ConcurrencyConflictError(streamId, attempt);
    }
  }
}

/** State of a stream, optionally as of a moment (events recorded at or before it). */
export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  streamId: string,
): Promise<{ state: State; revision: number; exists: boolean }> {
  const history = await store.readStream(streamId);
  return {
    state: fold(decider, history as unknown as Event[]),
    revision: history.length === 0 ? NO_STREAM : history[history.length - 1].metadata.revision,
    exists: history.length > 0,
  };
}
