import { handleCommand } from './command-handler';
import type { Decider } from './decider';
import type { DomainEvent, RecordedEvent } from './envelope';
import { DomainError } from './errors';
import type { CheckpointStore, EventStore } from './ports';

/** Runs a command on behalf of a reactor, caused by the event being handled. */
export interface ReactionContext {
  execute<S, C, E extends DomainEvent>(decider: Decider<S, C, E>, streamId: string, build: (now: string) => C): Promise<void>;
}

/**
 * A policy / process manager: reacts to events of one aggregate by commanding another. It must be
 * idempotent: derive target ids from the causing event, so a redelivered event meets an existing
 * stream and its refusal (`conflict`) is taken as "already done".
 */
export interface Reactor {
  name: string;
  react(event: RecordedEvent, context: ReactionContext): Promise<void>;
}

/**
 * Delivers events to reactors with at-least-once semantics: a batch is checkpointed only after
 * every reaction ran; a refused command (a domain rule said no, or it was already done) is final.
 */
export class ReactorRunner {
  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    readonly reactors: Reactor[],
    private readonly now: () => string = () => new Date().toISOString(),
    /**
     * True when events arrive in global position order (the embedded bus, a catch-up read), so the
     * checkpoint can skip what was handled. Kafka interleaves partitions: there, only the
     * reactors' idempotency guards against redelivery.
     */
    private readonly ordered = true,
  ) {}

  async handle(events: RecordedEvent[]): Promise<void> {
    for (const reactor of this.reactors) {
      const done = this.ordered ? await this.checkpoints.load(reactor.name) : 0;
      const fresh = events.filter((e) => e.metadata.position > done);
      for (const event of fresh) await reactor.react(event, this.contextFor(reactor, event));
      if (this.ordered && fresh.length) await this.checkpoints.save(reactor.name, fresh[fresh.length - 1].metadata.position);
    }
  }

  /** Reacts to everything after each reactor's checkpoint (start-up in the embedded mode). */
  async catchUp(batchSize = 2000): Promise<void> {
    const from = Math.min(...(await Promise.all(this.reactors.map((r) => this.checkpoints.load(r.name)))), Infinity);
    if (!Number.isFinite(from)) return;
    for (let after = from; ; ) {
      const batch = await this.store.readAll({ after, limit: batchSize });
      if (batch.length === 0) return;
      await this.handle(batch);
      after = batch[batch.length - 1].metadata.position;
    }
  }

  async lowestCheckpoint(): Promise<number> {
    const all = await Promise.all(this.reactors.map((r) => this.checkpoints.load(r.name)));
    return all.length ? Math.min(...all) : Infinity;
  }

  private contextFor(reactor: Reactor, cause: RecordedEvent): ReactionContext {
    return {
      execute: async (decider, streamId, build) => {
        const now = this.now();
        try {
          await handleCommand(this.store, decider, streamId, build(now), {
            now,
            actor: { userId: `system:${reactor.name}`, roles: [] },
            correlationId: cause.metadata.correlationId,
            causationId: cause.metadata.eventId,
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // Already done (conflict) is the idempotent path; any other refusal is final but worth a trace.
          if (error.kind !== 'conflict') console.warn(`reactor ${reactor.name}: ${error.message} (caused by ${cause.metadata.eventId})`);
        }
      },
    };
  }
}
