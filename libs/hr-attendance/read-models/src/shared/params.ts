import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError } from '@ebp/shared-eventsourcing';
import { isMonth } from '@ebp/shared-kernel';

export const MONTH_PATTERN = /^\d{4}-\d{2}$/;
export const STAFF_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const MONTH_MESSAGE = 'month must be YYYY-MM';
export const STAFF_ID_MESSAGE = 'staffId must be 1–64 letters, digits, _ or -, starting with a letter or digit';

export function requireMonth(month: string, rule: string): string {
  if (!isMonth(month)) throw new DomainError(rule, `month must be YYYY-MM, got '${month}'`, 'invalid', 'month');
  return month;
}

export function requireStaffId(staffId: string, rule: string): string {
  if (typeof staffId !== 'string' || !STAFF_ID_PATTERN.test(staffId)) throw new DomainError(rule, STAFF_ID_MESSAGE, 'invalid', 'staffId');
  return staffId;
}

export const StaffIdParam = () =>
  ApiParam({ name: 'staffId', description: 'The staff id (the token subject of that person)', example: 'cs-li', schema: { type: 'string', pattern: STAFF_ID_PATTERN.source } });

export const MonthParam = () =>
  ApiParam({ name: 'month', description: 'Asia/Shanghai month, YYYY-MM', example: '2026-03', schema: { type: 'string', pattern: MONTH_PATTERN.source } });

export const StaffMonthParams = () => applyDecorators(StaffIdParam(), MonthParam());
