import Database from 'better-sqlite3';
import { readModelStoreContract } from '@ebp/shared-eventsourcing/testing';
import { compileOrderBy, compileWhere } from './doc-query';
import { SqliteReadModelStore } from './sqlite-read-model-store';
import { tempDir } from './temp-dir';

readModelStoreContract('SqliteReadModelStore', async () => {
  const dir = await tempDir();
  const store = new SqliteReadModelStore({ file: dir.file('read-models.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await dir.remove();
    },
  };
});

describe('SqliteReadModelStore', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let file: string;
  let store: SqliteReadModelStore;

  beforeEach(async () => {
    dir = await tempDir();
    file = dir.file('read-models.db');
    store = new SqliteReadModelStore({ file });
  });

  afterEach(async () => {
    await store.close();
    await dir.remove();
  });

  const explain = (sql: string, ...params: unknown[]) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n');
    } finally {
      db.close();
    }
  };

  const table = (collection: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return (db.prepare('SELECT table_name FROM collections WHERE name = ?').get(collection) as { table_name: string }).table_name;
    } finally {
      db.close();
    }
  };

  const plan = (where: Parameters<typeof compileWhere>[0], sort?: Parameters<typeof compileOrderBy>[0]) => {
    const compiled = compileWhere(where);
    return explain(`SELECT doc FROM "${table('tickets')}" WHERE doc IS NOT NULL AND ${compiled.sql} ORDER BY ${compileOrderBy(sort)}`, ...compiled.params);
  };

  it('answers an equality, a boolean and a range on indexed fields through the expression indexes', async () => {
    await store.ensureIndexes('tickets', ['status', 'urgent', 'sla.dueAt']);
    expect(plan({ status: 'open' })).toMatch(/USING INDEX rm_tickets_\w+__status_/);
    expect(plan({ urgent: true })).toMatch(/USING INDEX rm_tickets_\w+__urgent_/);
    expect(plan({ 'sla.dueAt': { $lt: '2026-03-01' } })).toMatch(/USING INDEX rm_tickets_\w+__sla_dueAt_/);
    expect(plan({}, [{ field: 'status', direction: 'asc' }])).not.toMatch(/TEMP B-TREE/);
  });

  it('looks up getMany ids through the id index', async () => {
    await store.commit('p', [{ collection: 'tickets', id: 't1', doc: { a: 1 }, position: 1 }], 1);
    const detail = explain(`SELECT d.id, d.position, d.doc FROM json_each(?) AS ids JOIN "${table('tickets')}" AS d ON d.id = ids.value WHERE d.doc IS NOT NULL`, '["t1"]');
    expect(detail).toMatch(/SEARCH d USING INDEX \S+ \(id=\?\)/);
  });

  it('keeps one table per collection, with only that collection\'s indexes, and re-creates them on reset', async () => {
    await store.ensureIndexes('tickets', ['status']);
    await store.ensureIndexes('people', ['name', 'age']);
    await store.commit('p', [{ collection: 'tickets', id: 't1', doc: { status: 'open' }, position: 1 }], 1);
    await store.reset('p', ['tickets']);
    const db = new Database(file, { readonly: true });
    const indexes = (name: string) =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(name) as { name: string }[]).length;
    try {
      expect([indexes(table('tickets')), indexes(table('people'))]).toEqual([1, 2]);
    } finally {
      db.close();
    }
    expect(await store.find('tickets', { where: { status: 'open' } })).toEqual({ items: [], total: 0 });
    expect(plan({ status: 'open' })).toMatch(/USING INDEX rm_tickets_\w+__status_/);
  });

  it('moves documents from the shared docs table of earlier versions', async () => {
    await store.close();
    const db = new Database(file);
    db.exec(`DROP TABLE collections;
      CREATE TABLE docs (collection TEXT NOT NULL, id TEXT NOT NULL, position INTEGER NOT NULL, doc TEXT, PRIMARY KEY (collection, id));
      INSERT INTO docs VALUES ('tickets', 't1', 4, '{"a":1}'), ('tickets', 't2', 5, NULL), ('people', 't1', 6, '{"b":2}');
      INSERT INTO checkpoints VALUES ('p', 6);`);
    db.close();
    store = new SqliteReadModelStore({ file });
    expect(await store.get('tickets', 't1')).toEqual({ id: 't1', position: 4, doc: { a: 1 } });
    expect(await store.get('people', 't1')).toEqual({ id: 't1', position: 6, doc: { b: 2 } });
    await store.commit('p', [{ collection: 'tickets', id: 't2', doc: { late: true }, position: 3 }], 3);
    expect(await store.get('tickets', 't2')).toBeNull();
    expect(await store.load('p')).toBe(6);
  });

  it('refuses field names that could not be spliced into SQL safely', async () => {
    await expect(store.find('tickets', { where: { "a') OR 1=1 --": 1 } })).rejects.toThrow('unsupported field name');
    await expect(store.find('tickets', { sort: [{ field: 'a"b', direction: 'asc' }] })).rejects.toThrow('unsupported field name');
    await expect(store.ensureIndexes('tickets', ['a]'])).rejects.toThrow('unsupported field name');
  });

  it('refuses an unknown operator and negative paging', async () => {
    await expect(store.find('tickets', { where: { a: { $regex: 'x' } as never } })).rejects.toThrow('unsupported query operator $regex');
    await expect(store.find('tickets', { skip: -1 })).rejects.toThrow('skip');
  });

  it('does not mistake the number 1 stored in a field for true', async () => {
    await store.commit('p', [{ collection: 'tickets', id: 't1', doc: { flag: 1 }, position: 1 }, { collection: 'tickets', id: 't2', doc: { flag: true }, position: 2 }], 2);
    expect((await store.find('tickets', { where: { flag: true } })).total).toBe(1);
    expect((await store.find('tickets', { where: { flag: { $ne: true } } })).items).toEqual([{ flag: 1 }]);
  });

  it('keeps ranges within one kind: numbers with numbers, strings with strings', async () => {
    await store.commit('p', [{ collection: 'tickets', id: 't1', doc: { v: 5 }, position: 1 }, { collection: 'tickets', id: 't2', doc: { v: 'text' }, position: 2 }], 2);
    expect((await store.find('tickets', { where: { v: { $gt: 1 } } })).items).toEqual([{ v: 5 }]);
    expect((await store.find('tickets', { where: { v: { $lt: 'zzz' } } })).items).toEqual([{ v: 'text' }]);
  });

  it('keeps documents, tombstones and checkpoints when the file is reopened', async () => {
    await store.commit('p', [{ collection: 'tickets', id: 't1', doc: { a: 1 }, position: 5 }, { collection: 'tickets', id: 't2', doc: null, position: 6 }], 6);
    await store.close();
    store = new SqliteReadModelStore({ file });
    expect(await store.get('tickets', 't1')).toEqual({ id: 't1', position: 5, doc: { a: 1 } });
    await store.commit('p', [{ collection: 'tickets', id: 't2', doc: { late: true }, position: 3 }], 3);
    expect(await store.get('tickets', 't2')).toBeNull();
    expect(await store.load('p')).toBe(6);
  });
});
