import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MONTH_PATTERN, STAFF_ID_PATTERN } from './ids';

// HR's own field decorators (the same idea as the service desk's, not shared across contexts):
// each validates a field and documents the same constraint, so the two cannot drift.

interface FieldDoc {
  description?: string;
  example?: unknown;
}

const STAFF_ID_MESSAGE = '$property must be 1-64 letters, digits, _ or -, starting with a letter or digit';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';
const MONTH_MESSAGE = '$property must be a month YYYY-MM';
/** ISO 8601 date-time with an explicit offset, as the domain accepts it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = '$property must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00+08:00';
/** ¥100,000,000.00: far above any pay line, low enough to stay a safe integer in every sum. */
export const MAX_FEN = 10_000_000_000;

const STAFF_ID_SCHEMA = { type: String, pattern: STAFF_ID_PATTERN.source, minLength: 1, maxLength: 64, example: 'cs-li' } as const;
const TIMESTAMP_SCHEMA = { type: String, format: 'date-time', pattern: INSTANT.source, example: '2026-03-02T09:00:00+08:00' } as const;

/** A staff id (the caller's token `sub` for themselves). */
export const StaffId = (doc: FieldDoc = {}) => applyDecorators(ApiProperty({ ...STAFF_ID_SCHEMA, ...doc }), IsString(), Matches(STAFF_ID_PATTERN, { message: STAFF_ID_MESSAGE }));

export const OptionalStaffId = (doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ ...STAFF_ID_SCHEMA, nullable: true, ...doc }), IsOptional(), IsString(), Matches(STAFF_ID_PATTERN, { message: STAFF_ID_MESSAGE }));

/** Required, non-empty text. */
export const Text = (maxLength: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: String, minLength: 1, maxLength, ...doc }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength, ...doc }), IsOptional(), IsString(), MaxLength(maxLength));

/** ISO 8601 with offset, strictly. */
export const Timestamp = (doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ ...TIMESTAMP_SCHEMA, ...doc }), IsISO8601({ strict: true }), Matches(INSTANT, { message: INSTANT_MESSAGE }));

export const OptionalTimestamp = (doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ ...TIMESTAMP_SCHEMA, ...doc }), IsOptional(), IsISO8601({ strict: true }), Matches(INSTANT, { message: INSTANT_MESSAGE }));

/** A calendar date YYYY-MM-DD (Asia/Shanghai); the domain refuses impossible dates such as 2026-02-30. */
export const CalendarDate = (doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: String, format: 'date', pattern: DATE.source, example: '2026-03-02', ...doc }), IsString(), Matches(DATE, { message: DATE_MESSAGE }));

export const OptionalCalendarDate = (doc: FieldDoc = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', pattern: DATE.source, example: '2026-03-02', ...doc }),
    IsOptional(),
    IsString(),
    Matches(DATE, { message: DATE_MESSAGE }),
  );

/** A calendar month YYYY-MM (Asia/Shanghai). */
export const Month = (doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: String, pattern: MONTH_PATTERN.source, example: '2026-03', ...doc }), IsString(), Matches(MONTH_PATTERN, { message: MONTH_MESSAGE }));

export const OneOf = (values: readonly string[], doc: FieldDoc = {}) => applyDecorators(ApiProperty({ enum: values, ...doc }), IsIn(values));

/** A whole number of fen, at least `minimum`. */
export const Fen = (minimum: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: 'integer', minimum, maximum: MAX_FEN, example: 600000, ...doc }), IsInt(), Min(minimum), Max(MAX_FEN));

export const OptionalFen = (minimum: number, doc: FieldDoc = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum, maximum: MAX_FEN, nullable: true, ...doc }),
    IsOptional(),
    IsInt(),
    Min(minimum),
    Max(MAX_FEN),
  );
