import type { Condition, DocQuery, Scalar } from '@ebp/shared-eventsourcing';

/** Where the read model's own document sits inside a stored entry (`{ _id, position, doc }`). */
export const DOC_FIELD = 'doc';

export type MongoFilter = Record<string, unknown>;
export type MongoSort = Record<string, 1 | -1>;

type Operators = Exclude<Condition, Scalar>;
type RangeOperator = '$gt' | '$gte' | '$lt' | '$lte';

// Matches nothing on MongoDB and FerretDB alike.
const NOTHING = { $in: [] as Scalar[] };

// Segments starting with `$` would be read as operators; empty ones are not paths.
const SEGMENT = /^[^$\0.][^\0.]*$/u;

/** `'address.zip'` → `'doc.address.zip'`; throws on a name that is not a plain path. */
export function documentPath(field: string): string {
  if (typeof field !== 'string' || !field.split('.').every((s) => SEGMENT.test(s))) {
    throw new Error(`unsupported field name ${JSON.stringify(field)}`);
  }
  return `${DOC_FIELD}.${field}`;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function scalar(field: string, op: string, value: unknown): Scalar {
  if (!isScalar(value)) throw new Error(`${op} on ${field} needs a string, finite number, boolean or null`);
  return value;
}

function isOperators(condition: Condition): condition is Operators {
  return condition !== null && typeof condition === 'object' && !Array.isArray(condition);
}

/**
 * DocQuery `where` → MongoDB filter over `doc.<field>`. MongoDB's own semantics already are the
 * contract's for equality, `$ne`, `$in` (null = null or missing, empty = nothing) and type-bracketed
 * ranges; only a range bound that is null or a boolean differs (MongoDB would compare it), so it
 * matches nothing here, as the contract says.
 */
export function compileWhere(where: DocQuery['where']): MongoFilter {
  const filter: MongoFilter = {};
  for (const [field, condition] of Object.entries(where ?? {})) {
    const path = documentPath(field);
    if (Array.isArray(condition)) throw new Error(`condition on ${field} must be a scalar or an operator object`);
    if (!isOperators(condition)) {
      filter[path] = scalar(field, '$eq', condition);
      continue;
    }
    const compiled = compileOperators(field, condition);
    // `{}` holds no condition; as a MongoDB value it would mean "equals an empty object".
    if (compiled) filter[path] = compiled;
  }
  return filter;
}

function compileOperators(field: string, condition: Operators): Record<string, unknown> | null {
  const compiled: Record<string, unknown> = {};
  for (const [op, operand] of Object.entries(condition)) {
    if (operand === undefined) continue;
    switch (op) {
      case '$eq':
      case '$ne':
        compiled[op] = scalar(field, op, operand);
        break;
      case '$in':
        if (!Array.isArray(operand)) throw new Error(`$in on ${field} needs an array`);
        compiled[op] = operand.map((value) => scalar(field, op, value));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte': {
        const bound = scalar(field, op, operand);
        if (bound === null || typeof bound === 'boolean') return { ...NOTHING };
        compiled[op as RangeOperator] = bound;
        break;
      }
      default:
        throw new Error(`unsupported query operator ${op}`);
    }
  }
  return Object.keys(compiled).length ? compiled : null;
}

/** Sort over `doc.<field>`, ties broken by `_id` so skip/limit pages are stable. */
export function compileSort(sort: DocQuery['sort']): MongoSort {
  const compiled: MongoSort = {};
  for (const { field, direction } of sort ?? []) {
    if (direction !== 'asc' && direction !== 'desc') throw new Error(`unsupported sort direction ${String(direction)}`);
    const path = documentPath(field);
    // A repeated field cannot change an order its first mention already fixed.
    if (!(path in compiled)) compiled[path] = direction === 'asc' ? 1 : -1;
  }
  compiled['_id'] = 1;
  return compiled;
}
