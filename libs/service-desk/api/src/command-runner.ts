import type { FastifyReply } from 'fastify';
import { handleCommand, type Actor, type Decider, type DomainEvent, type EventStore } from '@ebp/shared-eventsourcing';
import { etagOf, parseIfMatch, type Clock } from '@ebp/shared-nest';

/** Per-request facts the edge hands to the application layer. */
export interface RequestContext {
  actor: Actor;
  correlationId?: string;
  ifMatch?: number;
}

export interface Accepted {
  id: string;
  revision: number;
  events: string[];
}

export function requestContext(actor: Actor, ifMatch: string | undefined, correlationId: string | undefined): RequestContext {
  return { actor, ifMatch: parseIfMatch(ifMatch), correlationId: correlationId || undefined };
}

/** The stream revision after the command becomes the response's ETag. */
export function accepted<T extends { revision: number }>(reply: FastifyReply, result: T, location?: string): T {
  reply.header('ETag', etagOf(result.revision));
  if (location) reply.header('Location', location);
  return result;
}

/** Stamps `now` from the clock and runs the decider through read → fold → decide → append. */
export async function runCommand<S, C, E extends DomainEvent>(
  store: EventStore,
  clock: Clock,
  decider: Decider<S, C, E>,
  streamId: string,
  id: string,
  ctx: RequestContext,
  build: (now: string) => NoInfer<C>,
): Promise<Accepted> {
  const now = clock.now();
  const result = await handleCommand(store, decider, streamId, build(now), { now, actor: ctx.actor, correlationId: ctx.correlationId }, { ifMatch: ctx.ifMatch });
  return { id, revision: result.revision, events: result.events.map((e) => e.type) };
}
