import { handleCommand, type CommandResult, type Decider, type DomainEvent, type EventStore } from '@ebp/shared-eventsourcing';
import type { CommandContext, CommandReply } from './command-edge';
import type { Clock } from './injection-tokens';

/** Stamps `now` from the clock and runs the decider through read → fold → decide → append. */
export function execute<S, C, E extends DomainEvent>(
  store: EventStore,
  clock: Clock,
  decider: Decider<S, C, E>,
  streamId: string,
  ctx: CommandContext,
  build: (now: string) => NoInfer<C>,
): Promise<CommandResult<E>> {
  const now = clock.now();
  return handleCommand(store, decider, streamId, build(now), { now, actor: ctx.actor, correlationId: ctx.correlationId }, { ifMatch: ctx.ifMatch });
}

/** The reply of a handled command; position 0 = the decider decided nothing, so nothing was appended. */
export function replyOf(id: string, result: CommandResult<DomainEvent>): CommandReply {
  return { id, revision: result.revision, position: result.position, events: result.events.map((e) => e.type) };
}

/** The reply, answered with a Location header. */
export function locatedAt<R extends CommandReply>(location: string, reply: R): R {
  return { ...reply, location };
}

/** `execute`, answered as the reply about `id`. */
export async function runCommand<S, C, E extends DomainEvent>(
  store: EventStore,
  clock: Clock,
  decider: Decider<S, C, E>,
  streamId: string,
  id: string,
  ctx: CommandContext,
  build: (now: string) => NoInfer<C>,
): Promise<CommandReply> {
  return replyOf(id, await execute(store, clock, decider, streamId, ctx, build));
}
