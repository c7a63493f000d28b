import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

// Each decorator validates a field and documents the same constraint, so the two cannot drift.

interface FieldDoc {
  description?: string;
  example?: unknown;
}

/** Entity ids as every service-desk stream name accepts them. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '$property must be a date YYYY-MM-DD';
const ID_SCHEMA = { type: String, pattern: ID.source, minLength: 1, maxLength: 64 } as const;
const TIMESTAMP_SCHEMA = { type: String, format: 'date-time', example: '2026-03-02T09:00:00+08:00' } as const;

export const EntityId = (doc: FieldDoc = {}) => applyDecorators(ApiProperty({ ...ID_SCHEMA, ...doc }), Matches(ID, { message: ID_MESSAGE }));

export const OptionalEntityId = (doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ ...ID_SCHEMA, ...doc }), IsOptional(), Matches(ID, { message: ID_MESSAGE }));

/** Required, non-empty text. */
export const Text = (maxLength: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiProperty({ type: String, minLength: 1, maxLength, ...doc }), IsString(), IsNotEmpty(), MaxLength(maxLength));

export const OptionalText = (maxLength: number, doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: String, maxLength, ...doc }), IsOptional(), IsString(), MaxLength(maxLength));

/** ISO 8601 with offset, strictly. */
export const Timestamp = (doc: FieldDoc = {}) => applyDecorators(ApiProperty({ ...TIMESTAMP_SCHEMA, ...doc }), IsISO8601({ strict: true }));

export const OptionalTimestamp = (doc: FieldDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ ...TIMESTAMP_SCHEMA, ...doc }), IsOptional(), IsISO8601({ strict: true }));

/** A calendar date YYYY-MM-DD. */
export const CalendarDate = (doc: FieldDoc = {}, message = DATE_MESSAGE) =>
  applyDecorators(ApiProperty({ type: String, format: 'date', pattern: DATE.source, example: '2026-02-17', ...doc }), Matches(DATE, { message }));

export const OneOf = (values: readonly string[], doc: FieldDoc = {}) => applyDecorators(ApiProperty({ enum: values, ...doc }), IsIn(values));

export const OptionalFlag = (doc: FieldDoc = {}) => applyDecorators(ApiPropertyOptional({ type: Boolean, ...doc }), IsOptional(), IsBoolean());
