import { ApiParam } from '@nestjs/swagger';
import { DomainError } from '@ebp/shared-eventsourcing';
import { isCalendarDate } from '@ebp/shared-kernel';
import { CODE_PATTERN, unitIdParts } from '@ebp/property-sales-domain';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const ID_MESSAGE = 'must be 1–64 letters, digits, _ or -, starting with a letter or digit';
export const DATE_MESSAGE = 'date must be YYYY-MM-DD';

export function requireDate(date: string, rule: string, field = 'date'): string {
  if (!isCalendarDate(date)) throw new DomainError(rule, `${field} must be a YYYY-MM-DD calendar date, got '${date}'`, 'invalid', field);
  return date;
}

export function requireId(id: string, rule: string, field: string): string {
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new DomainError(rule, `${field} ${ID_MESSAGE}`, 'invalid', field);
  return id;
}

export function requireCode(id: string, rule: string, field: string): string {
  if (typeof id !== 'string' || !CODE_PATTERN.test(id)) throw new DomainError(rule, `${field} must be 1–32 letters, digits, _ or -`, 'invalid', field);
  return id;
}

export function requireUnitId(unitId: string, rule: string): string {
  if (!unitIdParts(unitId)) throw new DomainError(rule, `unitId must be <projectId>.<buildingId>.<number>, got '${unitId}'`, 'invalid', 'unitId');
  return unitId;
}

/** The instant a local time of a Shanghai day is (`2026-03-02`, `17:00` → `2026-03-02T17:00:00+08:00`). */
export const localInstant = (date: string, time: string): string => `${date}T${time}:00+08:00`;
/** The end of the minute named by a local time: "by 23:59" is before the next day's 00:00. */
export const endOfMinute = (date: string, time: string): number => Date.parse(localInstant(date, time)) + 60_000;

export const ProjectIdParam = () => ApiParam({ name: 'projectId', example: 'lakeside', schema: { type: 'string', pattern: CODE_PATTERN.source } });
export const DateParam = () => ApiParam({ name: 'date', description: 'Asia/Shanghai date, YYYY-MM-DD', example: '2026-03-02', schema: { type: 'string', pattern: DATE_PATTERN.source } });
export const UnitIdParam = () => ApiParam({ name: 'unitId', description: '<projectId>.<buildingId>.<number>', example: 'lakeside.b1.1203', schema: { type: 'string' } });
