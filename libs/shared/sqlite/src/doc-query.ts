import type { Condition, DocQuery, Scalar } from '@ebp/shared-eventsourcing';

export type SqlValue = string | number | null;

export interface CompiledWhere {
  sql: string;
  params: SqlValue[];
}

type Operators = Exclude<Condition, Scalar>;

// Paths are spliced into SQL (an expression index only matches a literal path), so only safe names pass.
const SEGMENT = /^[\p{L}\p{N}_$-]+$/u;

/** `'address.zip'` → `$."address"."zip"`; throws on a name that could not be spliced safely. */
export function jsonPath(field: string): string {
  const segments = field.split('.');
  if (!segments.every((s) => SEGMENT.test(s))) throw new Error(`unsupported field name ${JSON.stringify(field)}`);
  return '$' + segments.map((s) => `."${s}"`).join('');
}

/** The expression queries and indexes share; SQLite uses an index only when they match exactly. */
export function fieldExpression(field: string): string {
  return `json_extract(doc, '${jsonPath(field)}')`;
}

function typeExpression(field: string): string {
  return `json_type(doc, '${jsonPath(field)}')`;
}

function isOperators(condition: Condition): condition is Operators {
  return condition !== null && typeof condition === 'object';
}

/**
 * DocQuery `where` → SQL over json_extract, with the contract's (MongoDB-like) semantics.
 * json_extract yields NULL for missing and null alike, and 1/0 for booleans, so booleans are
 * matched through json_type to keep them apart from numbers.
 */
export function compileWhere(where: DocQuery['where']): CompiledWhere {
  const params: SqlValue[] = [];
  const clauses = Object.entries(where ?? {}).map(([field, condition]) => compileCondition(field, condition, params));
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params };
}

function compileCondition(field: string, condition: Condition, params: SqlValue[]): string {
  if (!isOperators(condition)) return equals(field, condition, params);
  const parts = Object.entries(condition)
    .filter(([, operand]) => operand !== undefined)
    .map(([op, operand]) => compileOperator(field, op, operand as Scalar | Scalar[], params));
  return parts.length ? `(${parts.join(' AND ')})` : '1';
}

function compileOperator(field: string, op: string, operand: Scalar | Scalar[], params: SqlValue[]): string {
  switch (op) {
    case '$eq':
      return equals(field, operand as Scalar, params);
    case '$ne':
      return notEquals(field, operand as Scalar, params);
    case '$in':
      return isIn(field, operand as Scalar[], params);
    case '$gt':
      return range(field, '>', operand as Scalar, params);
    case '$gte':
      return range(field, '>=', operand as Scalar, params);
    case '$lt':
      return range(field, '<', operand as Scalar, params);
    case '$lte':
      return range(field, '<=', operand as Scalar, params);
    default:
      throw new Error(`unsupported query operator ${op}`);
  }
}

function equals(field: string, value: Scalar, params: SqlValue[]): string {
  const expr = fieldExpression(field);
  if (value === null) return `${expr} IS NULL`;
  // The json_extract term lets an index narrow the scan; json_type tells true from 1.
  if (typeof value === 'boolean') return `(${expr} = ${value ? 1 : 0} AND ${typeExpression(field)} = '${value}')`;
  params.push(value);
  return `${expr} = ?`;
}

function notEquals(field: string, value: Scalar, params: SqlValue[]): string {
  const expr = fieldExpression(field);
  if (value === null) return `${expr} IS NOT NULL`;
  if (typeof value === 'boolean') return `${typeExpression(field)} IS NOT '${value}'`;
  params.push(value);
  return `${expr} IS NOT ?`;
}

function isIn(field: string, values: Scalar[], params: SqlValue[]): string {
  if (!Array.isArray(values)) throw new Error(`$in on ${field} needs an array`);
  const plain = values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  const parts: string[] = [];
  if (plain.length) {
    params.push(...plain);
    parts.push(`${fieldExpression(field)} IN (${plain.map(() => '?').join(', ')})`);
  }
  for (const flag of new Set(values.filter((v): v is boolean => typeof v === 'boolean'))) parts.push(equals(field, flag, params));
  if (values.includes(null)) parts.push(equals(field, null, params));
  return parts.length ? `(${parts.join(' OR ')})` : '0';
}

/**
 * SQLite orders every number below every string, so a bound against '' keeps a range within
 * one kind (as MongoDB does) while staying an index range. NULL (missing) never compares true.
 */
function range(field: string, op: '>' | '>=' | '<' | '<=', value: Scalar, params: SqlValue[]): string {
  const expr = fieldExpression(field);
  // Ranges order numbers and strings only (the contract); null and booleans match nothing.
  if (value === null || typeof value === 'boolean') return '0';
  params.push(value);
  const upward = op === '>' || op === '>=';
  if (typeof value === 'number' && upward) return `(${expr} ${op} ? AND ${expr} < '')`;
  if (typeof value === 'string' && !upward) return `(${expr} ${op} ? AND ${expr} >= '')`;
  return `${expr} ${op} ?`;
}

/** ORDER BY over the sort fields, ties broken by id so skip/limit pages are stable. */
export function compileOrderBy(sort: DocQuery['sort']): string {
  const keys = (sort ?? []).map(({ field, direction }) => {
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`unsupported sort direction ${String(direction)}`);
    return `${fieldExpression(field)} ${direction === 'asc' ? 'ASC' : 'DESC'}`;
  });
  return [...keys, 'id ASC'].join(', ');
}
