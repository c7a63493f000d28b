import { randomUUID } from 'node:crypto';
import type { DocQuery, DocWrite, ReadModelStore } from '../ports';

export interface ReadModelStoreFixture {
  store: ReadModelStore;
  /** Closes the store and removes whatever the factory created. */
  cleanup: () => Promise<void>;
}

type Doc = Record<string, unknown>;

/**
 * The ReadModelStore port's contract. Collections and checkpoint names are unique per test, so a
 * shared server works too.
 *
 * Query semantics every adapter follows (MongoDB's, for scalar fields):
 * - `where` keys are paths into the document; dots reach nested fields (`'address.zip'`).
 * - A bare scalar means `$eq`. `null` matches a null or missing field; `$ne` matches missing fields.
 * - `$in` may hold `null` (matches null or missing); an empty `$in` matches nothing.
 * - Booleans match booleans only. Range operators compare numbers with numbers and strings with
 *   strings (binary order); a missing or null field matches no range.
 * - Several keys, or several operators in one condition, must all hold.
 * - Sorting puts missing and null first ascending; ties are broken consistently, so paging with
 *   skip/limit visits every document once. `total` counts all matches, ignoring skip and limit.
 * - Arrays and objects are stored and returned intact but are not queryable.
 */
export function readModelStoreContract(name: string, factory: () => Promise<ReadModelStoreFixture>): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let store: ReadModelStore;
    let cleanup: () => Promise<void>;
    let collection: string;
    let checkpoint: string;

    beforeEach(async () => {
      ({ store, cleanup } = await factory());
      collection = uniqueName('people');
      checkpoint = uniqueName('projection');
    });

    afterEach(async () => {
      await cleanup();
    });

    const write = (id: string, doc: Doc | null, position: number, into = collection): DocWrite => ({ collection: into, id, doc, position });
    const commit = (writes: DocWrite[], at = Math.max(0, ...writes.map((w) => w.position))) => store.commit(checkpoint, writes, at);

    describe('documents', () => {
      it('stores a document with the position of the last event applied to it', async () => {
        await commit([write('p1', { name: 'Ann', tags: ['x'], nested: { zip: '100', deep: [{ a: 1 }] }, note: '測試' }, 7)]);
        expect(await store.get(collection, 'p1')).toEqual({
          id: 'p1',
          position: 7,
          doc: { name: 'Ann', tags: ['x'], nested: { zip: '100', deep: [{ a: 1 }] }, note: '測試' },
        });
      });

      it('returns null for a document that does not exist', async () => {
        expect(await store.get(collection, 'missing')).toBeNull();
      });

      it('returns from getMany the documents found, keyed by id', async () => {
        await commit([write('a', { n: 1 }, 1), write('b', { n: 2 }, 2), write('c', { n: 3 }, 3)]);
        const found = await store.getMany(collection, ['a', 'c', 'missing']);
        expect([...found.keys()].sort()).toEqual(['a', 'c']);
        expect(found.get('c')).toEqual({ id: 'c', position: 3, doc: { n: 3 } });
        expect((await store.getMany(collection, [])).size).toBe(0);
      });

      it('keeps collections apart: the same id in two collections is two documents', async () => {
        const other = uniqueName('other');
        await commit([write('x', { in: 'first' }, 1), write('x', { in: 'second' }, 1, other)]);
        expect((await store.get(collection, 'x'))?.doc).toEqual({ in: 'first' });
        expect((await store.get(other, 'x'))?.doc).toEqual({ in: 'second' });
        expect((await store.find(other, {})).total).toBe(1);
      });
    });

    describe('position-guarded writes', () => {
      it('ignores a write whose position is not beyond the stored one', async () => {
        await commit([write('p1', { v: 'newer' }, 10)]);
        await commit([write('p1', { v: 'older' }, 9)]);
        await commit([write('p1', { v: 'same position' }, 10)]);
        expect(await store.get(collection, 'p1')).toEqual({ id: 'p1', position: 10, doc: { v: 'newer' } });
      });

      it('applies a redelivered commit once', async () => {
        await commit([write('p1', { count: 1 }, 5)]);
        await commit([write('p1', { count: 2 }, 6)]);
        await commit([write('p1', { count: 1 }, 5)]);
        expect(await store.get(collection, 'p1')).toEqual({ id: 'p1', position: 6, doc: { count: 2 } });
      });

      it('applies several writes to one document in a commit by position', async () => {
        await commit([write('p1', { v: 5 }, 5), write('p1', { v: 7 }, 7), write('p1', { v: 6 }, 6)]);
        expect(await store.get(collection, 'p1')).toEqual({ id: 'p1', position: 7, doc: { v: 7 } });
      });

      it('deletes a document on a null doc: get, getMany and find no longer see it', async () => {
        await commit([write('p1', { v: 1 }, 1), write('p2', { v: 2 }, 2)]);
        await commit([write('p1', null, 3)]);
        expect(await store.get(collection, 'p1')).toBeNull();
        expect([...(await store.getMany(collection, ['p1', 'p2'])).keys()]).toEqual(['p2']);
        expect(await store.find(collection, {})).toEqual({ items: [{ v: 2 }], total: 1 });
      });

      it('keeps a deleted document deleted when an older write arrives late', async () => {
        await commit([write('p1', { v: 1 }, 1)]);
        await commit([write('p1', null, 3)]);
        await commit([write('p1', { v: 2 }, 2)]);
        expect(await store.get(collection, 'p1')).toBeNull();
        expect((await store.find(collection, {})).total).toBe(0);
      });

      it('ignores a delete older than the stored document', async () => {
        await commit([write('p1', { v: 1 }, 5)]);
        await commit([write('p1', null, 4)]);
        expect(await store.get(collection, 'p1')).toEqual({ id: 'p1', position: 5, doc: { v: 1 } });
      });

      it('brings a deleted document back when a newer write arrives', async () => {
        await commit([write('p1', { v: 1 }, 1)]);
        await commit([write('p1', null, 2)]);
        await commit([write('p1', { v: 3 }, 3)]);
        expect(await store.get(collection, 'p1')).toEqual({ id: 'p1', position: 3, doc: { v: 3 } });
      });
    });

    describe('checkpoints', () => {
      it('loads 0 for a checkpoint never saved', async () => {
        expect(await store.load(uniqueName('never'))).toBe(0);
      });

      it('saves and loads a checkpoint by name, apart from other names', async () => {
        const other = uniqueName('other');
        await store.save(checkpoint, 42);
        await store.save(other, 7);
        expect(await store.load(checkpoint)).toBe(42);
        expect(await store.load(other)).toBe(7);
      });

      it('raises the checkpoint on commit, even with no writes', async () => {
        await store.commit(checkpoint, [write('p1', { v: 1 }, 3)], 5);
        expect(await store.load(checkpoint)).toBe(5);
        await store.commit(checkpoint, [], 9);
        expect(await store.load(checkpoint)).toBe(9);
      });

      it('never lowers the checkpoint on commit', async () => {
        await store.commit(checkpoint, [], 10);
        await store.commit(checkpoint, [write('p1', { v: 1 }, 4)], 4);
        expect(await store.load(checkpoint)).toBe(10);
      });
    });

    describe('reset', () => {
      it('deletes the documents of the given collections and the checkpoint, and nothing else', async () => {
        const kept = uniqueName('kept');
        const keptCheckpoint = uniqueName('kept');
        await commit([write('p1', { v: 1 }, 1), write('p2', null, 2), write('k1', { v: 1 }, 1, kept)]);
        await store.commit(keptCheckpoint, [], 8);
        await store.reset(checkpoint, [collection]);
        expect(await store.find(collection, {})).toEqual({ items: [], total: 0 });
        expect(await store.load(checkpoint)).toBe(0);
        expect((await store.get(kept, 'k1'))?.doc).toEqual({ v: 1 });
        expect(await store.load(keptCheckpoint)).toBe(8);
      });

      it('accepts writes at any position again after a reset, as a rebuild from 0 needs', async () => {
        await commit([write('p1', { v: 'old' }, 5), write('p2', null, 6)]);
        await store.reset(checkpoint, [collection]);
        await commit([write('p1', { v: 'rebuilt' }, 2), write('p2', { v: 'rebuilt' }, 3)]);
        expect((await store.get(collection, 'p1'))?.doc).toEqual({ v: 'rebuilt' });
        expect((await store.get(collection, 'p2'))?.doc).toEqual({ v: 'rebuilt' });
      });
    });

    describe('find', () => {
      beforeEach(async () => {
        await commit(PEOPLE.map((p, i) => write(p.id as string, p, i + 1)));
      });

      const ids = async (query: DocQuery) => (await store.find<Doc>(collection, query)).items.map((d) => d.id);
      const idSet = async (where: DocQuery['where']) => (await ids({ where })).sort();

      it('returns every document of the collection with no query', async () => {
        const page = await store.find(collection, {});
        expect(page.total).toBe(5);
        expect(page.items).toHaveLength(5);
        expect(page.items).toContainEqual(PEOPLE[0]);
      });

      it('matches a bare string, number or boolean as equality', async () => {
        expect(await idSet({ city: 'Taipei' })).toEqual(['p1', 'p5']);
        expect(await idSet({ age: 25 })).toEqual(['p2', 'p4']);
        expect(await idSet({ active: true })).toEqual(['p1', 'p3', 'p4']);
        expect(await idSet({ active: false })).toEqual(['p2', 'p5']);
        expect(await idSet({ city: { $eq: 'Tainan' } })).toEqual(['p2']);
      });

      it('matches null against null and missing fields', async () => {
        expect(await idSet({ city: null })).toEqual(['p3', 'p4']);
      });

      it('matches $ne against every other value, missing fields included', async () => {
        expect(await idSet({ city: { $ne: 'Taipei' } })).toEqual(['p2', 'p3', 'p4']);
        expect(await idSet({ active: { $ne: true } })).toEqual(['p2', 'p5']);
        expect(await idSet({ city: { $ne: null } })).toEqual(['p1', 'p2', 'p5']);
      });

      it('matches $in against any listed value, null meaning null or missing, empty meaning nothing', async () => {
        expect(await idSet({ city: { $in: ['Tainan', 'Taipei'] } })).toEqual(['p1', 'p2', 'p5']);
        expect(await idSet({ city: { $in: ['Tainan', null] } })).toEqual(['p2', 'p3', 'p4']);
        expect(await idSet({ age: { $in: [25, 58] } })).toEqual(['p2', 'p4', 'p5']);
        expect(await idSet({ active: { $in: [false] } })).toEqual(['p2', 'p5']);
        expect(await idSet({ city: { $in: [] } })).toEqual([]);
      });

      it('matches range operators on numbers and strings, combined in one condition', async () => {
        expect(await idSet({ age: { $gt: 25 } })).toEqual(['p1', 'p3', 'p5']);
        expect(await idSet({ age: { $gte: 25, $lt: 40 } })).toEqual(['p1', 'p2', 'p4']);
        expect(await idSet({ age: { $gt: 25, $lte: 40 } })).toEqual(['p1', 'p3']);
        expect(await idSet({ name: { $gte: 'Bob', $lt: 'Dee' } })).toEqual(['p2', 'p3']);
        expect(await idSet({ joinedAt: { $lt: '2024-01-01T00:00:00+08:00' } })).toEqual(['p1', 'p2']);
      });

      it('matches no range on a missing or null field', async () => {
        expect(await idSet({ city: { $gt: 'A' } })).toEqual(['p1', 'p2', 'p5']);
        expect(await idSet({ score: { $lte: 100 } })).toEqual(['p1', 'p5']);
      });

      it('reaches nested fields with dotted names', async () => {
        expect(await idSet({ 'address.zip': '100' })).toEqual(['p1', 'p3']);
        expect(await idSet({ 'address.floor': { $gte: 3 } })).toEqual(['p3']);
      });

      it('requires every condition of a where to hold', async () => {
        expect(await idSet({ active: true, age: 25 })).toEqual(['p4']);
        expect(await idSet({ active: true, city: 'Tainan' })).toEqual([]);
      });

      it('sorts ascending and descending, by several fields', async () => {
        expect(await ids({ sort: [{ field: 'name', direction: 'desc' }] })).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
        expect(
          await ids({
            sort: [
              { field: 'age', direction: 'asc' },
              { field: 'name', direction: 'desc' },
            ],
          }),
        ).toEqual(['p4', 'p2', 'p1', 'p3', 'p5']);
        expect(await ids({ sort: [{ field: 'address.zip', direction: 'desc' }, { field: 'name', direction: 'asc' }] })).toEqual([
          'p5',
          'p2',
          'p4',
          'p1',
          'p3',
        ]);
      });

      it('sorts missing and null fields first ascending and last descending', async () => {
        const ascending = await ids({ sort: [{ field: 'city', direction: 'asc' }] });
        expect(ascending.slice(0, 2).sort()).toEqual(['p3', 'p4']);
        const descending = await ids({ sort: [{ field: 'city', direction: 'desc' }] });
        expect(descending.slice(3).sort()).toEqual(['p3', 'p4']);
      });

      it('pages with skip and limit and reports the total of all matches', async () => {
        const byName = [{ field: 'name', direction: 'asc' as const }];
        expect(await store.find<Doc>(collection, { sort: byName, skip: 1, limit: 2 })).toEqual({ items: [PEOPLE[1], PEOPLE[2]], total: 5 });
        const page = await store.find<Doc>(collection, { where: { active: true }, sort: byName, skip: 2, limit: 2 });
        expect(page.items.map((d) => d.id)).toEqual(['p4']);
        expect(page.total).toBe(3);
        expect(await store.find(collection, { skip: 10 })).toEqual({ items: [], total: 5 });
      });

      it('visits every document exactly once when paging over a sort with ties', async () => {
        const seen: unknown[] = [];
        for (let skip = 0; skip < 5; skip += 2) {
          seen.push(...(await ids({ sort: [{ field: 'active', direction: 'asc' }], skip, limit: 2 })));
        }
        expect(seen.sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
      });

      it('answers the same after ensureIndexes, which may be called repeatedly', async () => {
        const query: DocQuery = { where: { active: true, 'address.zip': { $in: ['100', '300'] } }, sort: [{ field: 'age', direction: 'desc' }] };
        const before = await store.find(collection, query);
        await store.ensureIndexes(collection, ['active', 'address.zip', 'age']);
        await store.ensureIndexes(collection, ['active', 'address.zip', 'age']);
        await store.ensureIndexes(collection, []);
        expect(await store.find(collection, query)).toEqual(before);
        expect(before.items.map((d) => (d as Doc).id)).toEqual(['p3', 'p1', 'p4']);
      });
    });
  });
}

const PEOPLE: Doc[] = [
  { id: 'p1', name: 'Ann', age: 31, active: true, city: 'Taipei', score: 12.5, joinedAt: '2023-05-01T09:00:00+08:00', address: { zip: '100', floor: 2 } },
  { id: 'p2', name: 'Bob', age: 25, active: false, city: 'Tainan', joinedAt: '2023-11-30T09:00:00+08:00', address: { zip: '700' } },
  { id: 'p3', name: 'Cid', age: 40, active: true, city: null, score: null, joinedAt: '2024-02-01T09:00:00+08:00', address: { zip: '100', floor: 5 } },
  { id: 'p4', name: 'Dee', age: 25, active: true, joinedAt: '2025-01-01T09:00:00+08:00', address: { zip: '300' } },
  { id: 'p5', name: 'Eve', age: 58, active: false, city: 'Taipei', score: -3, joinedAt: '2024-07-01T09:00:00+08:00', address: { zip: '800' } },
];

function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}
