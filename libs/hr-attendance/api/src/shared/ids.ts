import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@ebp/shared-eventsourcing';
import { isCalendarDate, isMonth } from '@ebp/shared-kernel';
import type { IdRule } from '@ebp/shared-nest';

/** A staff id as HR's streams accept it (the token `sub` of the staff member). */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Staff id DTO fields: `@EntityId(doc, STAFF_ID)`. */
export const STAFF_ID: IdRule = {
  pattern: STAFF_ID_PATTERN,
  maxLength: 64,
  message: '$property must be 1-64 letters, digits, _ or -, starting with a letter or digit',
  example: 'cs-li',
};
/** `<YYYY-MM>.<staffId>.<8 hex>`: leave requests, corrections and pay entries name the staff-month they live on. */
export const MONTH_ENTITY_ID_PATTERN = /^(\d{4}-(?:0[1-9]|1[0-2]))\.([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.([0-9a-f]{8})$/;

export function isStaffId(value: unknown): value is string {
  return typeof value === 'string' && STAFF_ID_PATTERN.test(value);
}

/** A staff id from a path (DTO fields are checked by their decorators): 400 otherwise. */
export function requireStaffId(value: string, rule = 'HR-1', field = 'staffId'): string {
  if (!isStaffId(value)) throw new DomainError(rule, `${field} must be 1-64 letters, digits, _ or -, starting with a letter or digit, got '${value}'`, 'invalid', field);
  return value;
}

export function requireMonth(value: string, rule: string, field = 'month'): string {
  if (!isMonth(value)) throw new DomainError(rule, `${field} must be a month YYYY-MM, got '${value}'`, 'invalid', field);
  return value;
}

export function requireCalendarDate(value: string, rule: string, field = 'date'): string {
  if (!isCalendarDate(value)) throw new DomainError(rule, `${field} must be a calendar date YYYY-MM-DD, got '${value}'`, 'invalid', field);
  return value;
}

/** A new id on a staff member's month, e.g. `2026-03.cs-li.9f86d081`. */
export function newMonthEntityId(month: string, staffId: string): string {
  return `${month}.${staffId}.${randomBytes(4).toString('hex')}`;
}

/** The staff-month an id made by `newMonthEntityId` lives on; null when it is not one. */
export function monthEntityOf(id: string): { month: string; staffId: string } | null {
  const match = typeof id === 'string' ? MONTH_ENTITY_ID_PATTERN.exec(id) : null;
  return match ? { month: match[1], staffId: match[2] } : null;
}

/** As `monthEntityOf`, refusing (400) an id that cannot be one of ours. */
export function requireMonthEntityId(id: string, rule: string, field: string, what: string): { month: string; staffId: string } {
  const parsed = monthEntityOf(id);
  if (!parsed) throw new DomainError(rule, `'${id}' is not a ${what} id (<YYYY-MM>.<staffId>.<8 hex digits>)`, 'invalid', field);
  return parsed;
}

/** Ids of records HR enters (complaint fines, conduct records), e.g. `hr-1b4e28ba-2fa1-11d2-883f-0016d3cca427`. */
export function newHrRecordId(): string {
  return `hr-${randomUUID()}`;
}
