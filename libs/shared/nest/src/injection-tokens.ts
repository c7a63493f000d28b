/** Ports the adapters provide; modules depend on these, never on an engine. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
export const EVENT_BUS = Symbol('EVENT_BUS');
export const CLOCK = Symbol('CLOCK');

/** The domain never reads the clock; the edge does, through this seam. */
export interface Clock {
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
