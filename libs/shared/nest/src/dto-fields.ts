import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

// Each decorator validates a DTO field and documents the same constraint, so the two cannot drift.

export interface FieldDoc {
  description?: string;
  example?: unknown;
  nullable?: boolean;
}

export interface FieldChecks {
  /** The 400 message when the format does not match ($property is the field's name). */
  message?: string;
}

/** One kind of id: the pattern a context's streams accept, its length and the 400 message for a mismatch. */
export interface IdRule extends FieldChecks {
  pattern: RegExp;
  maxLength: number;
  message: string;
  example?: string;
}

/** The default id rule, as the service desk's streams accept ids. */
export const ENTITY_ID: IdRule = { pattern: /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, maxLength: 64, message: '$property must be 1-64 letters, digits, _ . : or -' };

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** ¥100,000,000.00: far above any pay line, low enough to stay a safe integer in every sum. */
export const MAX_FEN = 10_000_000_000;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 date-time with an explicit offset, as the domain accepts it. */
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';
const MONTH_MESSAGE = '$property must be a month YYYY-MM';
const INSTANT_MESSAGE = '$property must be an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:00:00+08:00';
const INSTANT_SCHEMA = { type: String, format: 'date-time', pattern: INSTANT_PATTERN.source, example: '2026-03-02T09:00:00+08:00' } as const;
const DATE_SCHEMA = { type: String, format: 'date', pattern: DATE_PATTERN.source, example: '2026-03-02' } as const;

const matching = (pattern: RegExp, { message }: FieldChecks) => [IsString(), Matches(pattern, { message })];

const idSchema = ({ pattern, maxLength, example }: IdRule) => ({ type: String, pattern: pattern.source, minLength: 1, maxLength, ...(example === undefined ? {} : { example }) });

/** An id by `rule`, the platform's default entity id unless a context passes its own. */
export const EntityId = (doc: FieldDoc = {}, rule: IdRule = ENTITY_ID) =>
  applyDecorators(ApiProperty({ ...idSchema(rule), ...doc }), ...matching(rule.pattern, rule));

export const OptionalEntityId = (doc: FieldDoc = {}, rule: IdRule = ENTITY_ID) =>
  applyDecorators(ApiPropertyOptional({ ...idSchema(rule), ...doc }), IsOptional(), ...matching(rule.pattern, rule));

/** Required, non-empty text. */
export const Text = (maxLength: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: String, minLength: 1, maxLength, ...doc }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength, ...doc }), IsOptional(), IsString(), MaxLength(maxLength));

/** Strict ISO 8601 with an explicit offset (the pattern is documented too). */
export const Timestamp = (doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ ...INSTANT_SCHEMA, ...doc }), IsISO8601({ strict: true }), Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE }));

export const OptionalTimestamp = (doc: FieldDoc = {}) =>
  applyDecorators(
    ApiPropertyOptional({ ...INSTANT_SCHEMA, ...doc }),
    IsOptional(),
    IsISO8601({ strict: true }),
    Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE }),
  );

/** A calendar date YYYY-MM-DD (Asia/Shanghai); the domain refuses impossible dates such as 2026-02-30. */
export const CalendarDate = (doc: FieldDoc = {}, { message = DATE_MESSAGE }: FieldChecks = {}) =>
  applyDecorators(ApiProperty({ ...DATE_SCHEMA, ...doc }), ...matching(DATE_PATTERN, { message }));

/** A calendar month YYYY-MM (Asia/Shanghai). */
export const Month = (doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: String, pattern: MONTH_PATTERN.source, example: '2026-03', ...doc }), IsString(), Matches(MONTH_PATTERN, { message: MONTH_MESSAGE }));

export const OneOf = (values: readonly string[], doc: FieldDoc = {}) => applyDecorators(ApiProperty({ enum: values, ...doc }), IsIn(values));

export const OptionalFlag = (doc: FieldDoc = {}) => applyDecorators(ApiPropertyOptional({ type: Boolean, ...doc }), IsOptional(), IsBoolean());

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
