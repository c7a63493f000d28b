/** A page asked for; both fields optional so a query string may omit them. */
export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** One page of a longer list; `total` counts the whole list. */
export interface Paged<T> {
  page: number;
  pageSize: number;
  total: number;
  items: T[];
}

function positiveInteger(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${field} must be a whole number of at least 1, got ${value}`);
  return value;
}

/** A list's own page sizes, where it differs from the default 50 and at most 500 (e.g. the audit trail). */
export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

/** Page 1 and 50 a page by default; a page size above the maximum is capped, not refused. */
export function toSkipLimit(
  req: PageRequest,
  limits: PageLimits = { defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE },
): { page: number; pageSize: number; skip: number; limit: number } {
  const page = positiveInteger(req.page ?? 1, 'page');
  const pageSize = Math.min(positiveInteger(req.pageSize ?? limits.defaultSize, 'pageSize'), limits.maxSize);
  return { page, pageSize, skip: (page - 1) * pageSize, limit: pageSize };
}

/** The reply for one page of items read with `toSkipLimit(req)`. */
export function paged<T>(req: PageRequest, total: number, items: T[]): Paged<T> {
  const { page, pageSize } = toSkipLimit(req);
  return { page, pageSize, total, items };
}
