import { DomainError } from '@ebp/shared-eventsourcing';
import { instantMs, requireInstant } from '../validation';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** An instant written in Asia/Shanghai time (`2026-03-02T10:00:00+08:00`), as DESIGN.md wants. */
export function shanghaiInstant(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

export function addMinutes(instant: string, minutes: number): string {
  return shanghaiInstant(instantMs(instant) + minutes * 60_000);
}

/** A client-supplied time (defaults to now) that is not in the future and not before `after`. */
export function pastInstant(
  value: string | null | undefined,
  now: string,
  field: string,
  rule: string,
  after?: { instant: string; what: string },
): string {
  const instant = requireInstant(value ?? now, field, rule);
  if (instantMs(instant) > instantMs(now)) {
    throw new DomainError(rule, `${field} ${instant} is in the future`, 'invalid', field);
  }
  if (after && instantMs(instant) < instantMs(after.instant)) {
    throw new DomainError(rule, `${field} ${instant} is before ${after.what} ${after.instant}`, 'invalid', field);
  }
  return instant;
}
