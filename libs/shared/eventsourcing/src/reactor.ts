import { handleCommand } from './command-handler';
import type { Decider } from './decider';
import type { DomainEvent, RecordedEvent } from './envelope';
import { DomainError } from './errors';
import type { IntegrationEvent } from './integration';
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
 * A policy of one context over another context's published language: it never sees the other
 * context's domain events. Same idempotency duty as a Reactor.
 */
export interface IntegrationReactor {
  name: string;
  /** The contexts whose `<context>.integration.v1` topic it consumes. */
  from: string[];
  react(event: IntegrationEvent, context: ReactionContext): Promise<void>;
}

/** What caused a reaction, whichever kind of event it was. */
interface Cause {
  id: string;
  correlationId: string;
  position: number;
}

const domainCause = (e: RecordedEvent): Cause => ({ id: e.metadata.eventId, correlationId: e.metadata.correlationId, position: e.metadata.position });
const integrationCause = (e: IntegrationEvent): Cause => ({ id: e.id, correlationId: e.correlationId, position: e.position });

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
    readonly integrationReactors: IntegrationReactor[] = [],
  ) {}

  /** `through`: the log position this delivery covers (ordered mode), when the events were filtered out of a longer batch. */
  async handle(events: RecordedEvent[], through = 0): Promise<void> {
    for (const reactor of this.reactors) await this.deliver(reactor.name, events, through, domainCause, (e, ctx) => reactor.react(e, ctx));
  }

  /** Other contexts' integration events, to the integration reactors that listen to their source. */
  async handleIntegration(events: IntegrationEvent[], through = 0): Promise<void> {
    for (const reactor of this.integrationReactors) {
      const mine = events.filter((e) => reactor.from.includes(e.source));
      await this.deliver(reactor.name, mine, through, integrationCause, (e, ctx) => reactor.react(e, ctx));
    }
  }

  private async deliver<T>(name: string, events: T[], through: number, cause: (e: T) => Cause, react: (e: T, ctx: ReactionContext) => Promise<void>): Promise<void> {
    const done = this.ordered ? await this.checkpoints.load(name) : 0;
    const fresh = events.filter((e) => cause(e).position > done);
    for (const event of fresh) await react(event, this.contextFor(name, cause(event)));
    const reached = Math.max(through, fresh.length ? cause(fresh[fresh.length - 1]).position : 0);
    if (this.ordered && reached > done) await this.checkpoints.save(name, reached);
  }

  async lowestCheckpoint(): Promise<number> {
    const names = [...this.reactors, ...this.integrationReactors].map((r) => r.name);
    const all = await Promise.all(names.map((name) => this.checkpoints.load(name)));
    return all.length ? Math.min(...all) : Infinity;
  }

  private contextFor(reactor: string, cause: Cause): ReactionContext {
    return {
      execute: async (decider, streamId, build) => {
        const now = this.now();
        try {
          await handleCommand(this.store, decider, streamId, build(now), {
            now,
            actor: { userId: `system:${reactor}`, roles: [] },
            correlationId: cause.correlationId,
            causationId: cause.id,
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          // Already done (conflict) is the idempotent path; any other refusal is final but worth a trace.
          if (error.kind !== 'conflict') console.warn(`reactor ${reactor}: ${error.message} (caused by ${cause.id})`);
        }
      },
    };
  }
}
