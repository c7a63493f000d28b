import type { Actor, DomainEvent } from './envelope';

/** Who issued a command and when; the domain never reads the clock or the request. */
export interface CommandMetadata {
  now: string;
  actor: Actor;
  correlationId?: string;
  causationId?: string | null;
}

export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  /** Returns the events the command causes; throws a DomainError to refuse. */
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
