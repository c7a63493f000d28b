import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paged, toSkipLimit } from './paging';

describe('paging', () => {
  it('defaults to page 1 of 50', () => {
    expect(toSkipLimit({})).toEqual({ page: 1, pageSize: DEFAULT_PAGE_SIZE, skip: 0, limit: 50 });
    expect(DEFAULT_PAGE_SIZE).toBe(50);
  });

  it('skips the earlier pages', () => {
    expect(toSkipLimit({ page: 3, pageSize: 20 })).toEqual({ page: 3, pageSize: 20, skip: 40, limit: 20 });
  });

  it('caps the page size at 500', () => {
    expect(MAX_PAGE_SIZE).toBe(500);
    expect(toSkipLimit({ page: 2, pageSize: 10_000 })).toEqual({ page: 2, pageSize: 500, skip: 500, limit: 500 });
  });

  it('refuses a page or page size that is not a whole number of at least 1', () => {
    for (const req of [{ page: 0 }, { page: 1.5 }, { pageSize: 0 }, { pageSize: -5 }, { page: Number.NaN }]) {
      expect(() => toSkipLimit(req)).toThrow(RangeError);
    }
  });

  it('shapes one page of a longer list', () => {
    expect(paged({ page: 2, pageSize: 2 }, 5, ['c', 'd'])).toEqual({ page: 2, pageSize: 2, total: 5, items: ['c', 'd'] });
  });
});
