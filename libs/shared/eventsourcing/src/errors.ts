/**
 * How a refusal reaches a client: `invalid` → 400, `forbidden` → 403, `not-found` → 404,
 * `conflict` → 409, `rule` → 422. The domain names the rule; the edge picks the status.
 */
export type RefusalKind = 'invalid' | 'forbidden' | 'not-found' | 'conflict' | 'rule';

/** A typed refusal thrown by a decider. `rule` is a rule ID such as `SD-3` (docs/rules/<context>.md). */
export class DomainError extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly kind: RefusalKind = 'rule',
    readonly field?: string,
  ) {
    super(`${rule}: ${message}`);
    this.name = 'DomainError';
  }
}

/** The stream moved on since the writer read it. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at revision ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An `If-Match` revision that no longer matches the stream: nothing was decided. */
export class PreconditionFailedError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match revision ${expected} does not match stream ${streamId} at revision ${actual}`);
    this.name = 'PreconditionFailedError';
  }
}

/** Optimistic retries ran out: the client may resend. */
export class ConcurrencyConflictError extends Error {
  constructor(readonly streamId: string, readonly attempts: number) {
    super(`stream ${streamId} kept changing; command refused after ${attempts} attempts`);
    this.name = 'ConcurrencyConflictError';
  }
}
