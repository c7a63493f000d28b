import { DomainError } from '@ebp/shared-eventsourcing';

/** ISO-8601 date-time with an explicit offset (docs/architecture.md, "Time, calendar and money"). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function requireText(value: string | null | undefined, field: string, rule: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new DomainError(rule, `${field} is required`, 'invalid', field);
  return text;
}

/** Blank means absent, so clients may send '' for "none". */
export function optionalText(value: string | null | undefined, field: string, rule: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new DomainError(rule, `${field} must be text`, 'invalid', field);
  const text = value.trim();
  return text === '' ? null : text;
}

export function requireInstant(value: string | null | undefined, field: string, rule: string): string {
  const text = requireText(value, field, rule);
  if (!INSTANT.test(text) || Number.isNaN(Date.parse(text))) {
    throw new DomainError(rule, `${field} must be an ISO date-time with offset, got '${text}'`, 'invalid', field);
  }
  return text;
}

export function instantMs(iso: string): number {
  return Date.parse(iso);
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

export function requireOneOf<T extends string>(value: string | null | undefined, allowed: readonly T[], field: string, rule: string): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) {
    throw new DomainError(rule, `${field} must be one of ${allowed.join(', ')}`, 'invalid', field);
  }
  return found;
}

export function requireBoolean(value: boolean | null | undefined, field: string, rule: string): boolean {
  if (typeof value !== 'boolean') throw new DomainError(rule, `${field} must be true or false`, 'invalid', field);
  return value;
}

/** Trimmed, non-empty, de-duplicated, order kept. */
export function textList(values: readonly string[] | null | undefined, field: string, rule: string): string[] {
  if (values === null || values === undefined) return [];
  if (!Array.isArray(values)) throw new DomainError(rule, `${field} must be a list`, 'invalid', field);
  return [...new Set(values.map((v, i) => requireText(v, `${field}[${i}]`, rule)))];
}
