import type { Decider } from '../decider';
import { fold } from '../decider';
import type { DomainEvent } from '../envelope';
import { DomainError } from '../errors';

/** A rule id such as `SD-3`, or a predicate over the refusal. */
export type RefusalCheck = string | ((error: DomainError) => boolean);

export interface DeciderOutcome<State, Event extends DomainEvent> {
  /** Asserts the decided events; returns the state after applying them, for further checks. */
  then(expected: Event[]): State;
  /** Asserts a DomainError matching the rule id (or predicate); returns it for further checks. */
  thenThrows(check: RefusalCheck): DomainError;
}

export interface DeciderGiven<State, Command, Event extends DomainEvent> {
  when(command: Command): DeciderOutcome<State, Event>;
}

export interface DeciderSpec<State, Command, Event extends DomainEvent> extends DeciderGiven<State, Command, Event> {
  given(events: Event[]): DeciderGiven<State, Command, Event>;
}

function outcome<State, Command, Event extends DomainEvent>(
  decider: Decider<State, Command, Event>,
  history: Event[],
  command: Command,
): DeciderOutcome<State, Event> {
  const state = fold(decider, history);
  return {
    then(expected) {
      const actual = decider.decide(command, state);
      expect(actual).toEqual(expected);
      return fold({ initialState: () => state, evolve: decider.evolve }, actual);
    },
    thenThrows(check) {
      let thrown: unknown = undefined;
      let decided: Event[] | undefined;
      try {
        decided = decider.decide(command, state);
      } catch (error) {
        thrown = error;
      }
      if (decided !== undefined) {
        throw new Error(`expected a refusal (${label(check)}) but the command was accepted: ${JSON.stringify(decided)}`);
      }
      expect(thrown).toBeInstanceOf(DomainError);
      const error = thrown as DomainError;
      if (typeof check === 'string') expect(error.rule).toBe(check);
      else if (!check(error)) throw new Error(`refusal did not match the predicate: ${error.message}`);
      return error;
    },
  };
}

function label(check: RefusalCheck): string {
  return typeof check === 'string' ? check : 'predicate';
}

/** Given/when/then for deciders: `DeciderSpecification.for(d).given([...]).when(cmd).then([...])`. */
export const DeciderSpecification = {
  for<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
  ): DeciderSpec<State, Command, Event> {
    return {
      given: (events) => ({ when: (command) => outcome(decider, events, command) }),
      when: (command) => outcome(decider, [], command),
    };
  },
};
