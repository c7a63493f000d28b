import type { Type } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Every member of a string union, for an OpenAPI `enum`: the compiler checks none is missing or extra. */
export const membersOf = <T extends string>(members: Record<T, true>): T[] => Object.keys(members) as T[];

/** 200 with a text body (CSV, printable HTML); errors stay JSON. */
export const ApiOkText = (mediaType: 'text/csv' | 'text/html', description: string) =>
  ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string' } } } });

interface Doc {
  description?: string;
  nullable?: boolean;
  example?: unknown;
  format?: string;
  /** Absent from some documents (older ones, or a default reply). */
  optional?: boolean;
}

// Explicit types throughout: reflected metadata says Object for `string | null` and loses array items.
const property = (schema: Record<string, unknown>, { optional, ...doc }: Doc) =>
  optional ? ApiPropertyOptional({ ...schema, ...doc }) : ApiProperty({ ...schema, ...doc });

export const ApiText = (doc: Doc = {}) => property({ type: String }, doc);
export const ApiTextList = (doc: Doc = {}) => property({ type: [String] }, doc);
/** An ISO 8601 instant with offset. */
export const ApiInstant = (doc: Doc = {}) => property({ type: String, format: 'date-time' }, doc);
/** An Asia/Shanghai calendar date, YYYY-MM-DD. */
export const ApiDate = (doc: Doc = {}) => property({ type: String, format: 'date' }, doc);
export const ApiDateList = (doc: Doc = {}) => property({ type: 'array', items: { type: 'string', format: 'date' } }, doc);
export const ApiInt = (doc: Doc & { minimum?: number; maximum?: number } = {}) => property({ type: 'integer' }, doc);
export const ApiNumber = (doc: Doc = {}) => property({ type: Number }, doc);
export const ApiBool = (doc: Doc = {}) => property({ type: Boolean }, doc);
export const ApiEnum = (values: readonly string[], doc: Doc = {}) => property({ type: String, enum: [...values] }, doc);
export const ApiEnumList = (values: readonly string[], doc: Doc = {}) => property({ type: 'array', items: { type: 'string', enum: [...values] } }, doc);
export const ApiNested = (type: Type<unknown>, doc: Doc = {}) => property({ type }, doc);
export const ApiNestedList = (type: Type<unknown>, doc: Doc = {}) => property({ type: [type] }, doc);
