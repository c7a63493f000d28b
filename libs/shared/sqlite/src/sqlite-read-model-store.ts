import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DocQuery, DocWrite, Page, ReadModelStore, StoredDoc } from '@ebp/shared-eventsourcing';
import { compileOrderBy, compileWhere, fieldExpression, type SqlValue } from './doc-query';
import { openDatabase, type SynchronousMode } from './open-database';

export interface SqliteReadModelStoreOptions {
  file: string;
  /** NORMAL by default: read models are rebuildable, so a lost last commit is replayed, not lost. */
  synchronous?: SynchronousMode;
  busyTimeoutMs?: number;
  /** Page cache, 16 MiB by default. */
  cacheMiB?: number;
}

// Every collection gets its own table (see collectionTable); the catalog maps names to tables
// and keeps each collection's indexed fields, so reset can drop a table and rebuild it alike.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS collections (
    name TEXT PRIMARY KEY,
    table_name TEXT NOT NULL UNIQUE,
    fields TEXT NOT NULL DEFAULT '[]'
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  );
`;

// 10,000 pages (40 MiB) between checkpoints: a tenth of the fsyncs of SQLite's default, and pages
// rewritten meanwhile are copied once. The store is rebuildable, so a larger WAL risks nothing.
const WAL_AUTOCHECKPOINT_PAGES = 10_000;
const JOURNAL_SIZE_LIMIT_MIB = 64;

// Statements built from queries are cached by their SQL; the cap bounds memory for ad-hoc queries.
const MAX_CACHED_QUERIES = 256;

interface DocRow {
  id: string;
  position: number;
  doc: string;
}

interface CatalogRow {
  table_name: string;
  fields: string;
}

/** A collection's table and the statements bound to it. */
interface CollectionTable {
  table: string;
  upsert: Database.Statement<[string, number, string | null]>;
  get: Database.Statement<[string], DocRow>;
  getMany: Database.Statement<[string], DocRow>;
}

function toStored<T>(row: DocRow): StoredDoc<T> {
  return { id: row.id, position: row.position, doc: JSON.parse(row.doc) as T };
}

function checkPaging(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`${name} must be a non-negative integer`);
}

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

function readable(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40);
}

/** `rm_<readable name>_<hash>`: a safe identifier, and the hash keeps `a.b` and `a_b` apart. */
function collectionTable(collection: string): string {
  return `rm_${readable(collection)}_${shortHash(collection)}`;
}

function indexName(table: string, field: string): string {
  return `${table}__${readable(field)}_${shortHash(field)}`;
}

/**
 * `doc` NULL is a tombstone: it remembers a deletion's position so a late, older write cannot
 * revive the document. A rowid table (with the id in a separate unique index) measured faster than
 * WITHOUT ROWID for 1–3 KB documents: new documents append to the table instead of splitting pages.
 */
function createTableSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS "${table}" (id TEXT NOT NULL UNIQUE, position INTEGER NOT NULL, doc TEXT)`;
}

/**
 * The trailing id serves find's tie-break, or the planner would rather scan the table; the partial
 * index skips tombstones, and every query says `doc IS NOT NULL`, so it qualifies.
 */
function createIndexSql(table: string, field: string): string {
  return `CREATE INDEX IF NOT EXISTS "${indexName(table, field)}" ON "${table}" (${fieldExpression(field)}, id) WHERE doc IS NOT NULL`;
}

/**
 * Read models and their checkpoints in one SQLite file, so a commit moves documents and
 * checkpoint together. Each write is an upsert guarded by position: duplicates change nothing.
 * Each collection has its own table, so a write updates only that collection's indexes.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteReadModelStore['prepare']>;
  private readonly tables = new Map<string, CollectionTable>();
  private readonly queries = new Map<string, Database.Statement<SqlValue[], unknown>>();
  private readonly commitNow: (name: string, writes: DocWrite[], checkpoint: number) => void;
  private readonly resetNow: (name: string, collections: string[]) => void;
  private readonly registerNow: (collection: string, fields: string[]) => string;

  constructor(options: SqliteReadModelStoreOptions) {
    this.db = openDatabase({
      file: options.file,
      synchronous: options.synchronous ?? 'NORMAL',
      busyTimeoutMs: options.busyTimeoutMs,
      cacheMiB: options.cacheMiB,
      walAutocheckpointPages: WAL_AUTOCHECKPOINT_PAGES,
      journalSizeLimitMiB: JOURNAL_SIZE_LIMIT_MIB,
    });
    this.db.exec(SCHEMA);
    this.statements = this.prepare();
    // IMMEDIATE takes the write lock up front, so writers in other processes queue instead of deadlocking.
    const commit = this.db.transaction((name: string, writes: DocWrite[], checkpoint: number) => this.applyNow(name, writes, checkpoint));
    this.commitNow = (name, writes, checkpoint) => commit.immediate(name, writes, checkpoint);
    const reset = this.db.transaction((name: string, collections: string[]) => this.dropNow(name, collections));
    this.resetNow = (name, collections) => reset.immediate(name, collections);
    const register = this.db.transaction((collection: string, fields: string[]) => this.registerInCatalog(collection, fields));
    this.registerNow = (collection, fields) => register.immediate(collection, fields);
    this.migrateSharedTable();
  }

  private prepare() {
    return {
      catalogGet: this.db.prepare<[string], CatalogRow>('SELECT table_name, fields FROM collections WHERE name = ?'),
      catalogAdd: this.db.prepare<[string, string]>('INSERT INTO collections (name, table_name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING'),
      catalogFields: this.db.prepare<[string, string]>('UPDATE collections SET fields = ? WHERE name = ?'),
      raiseCheckpoint: this.db.prepare<[string, number]>(
        `INSERT INTO checkpoints (name, position) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET position = max(checkpoints.position, excluded.position)`,
      ),
      saveCheckpoint: this.db.prepare<[string, number]>(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ),
      loadCheckpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      deleteCheckpoint: this.db.prepare<[string]>('DELETE FROM checkpoints WHERE name = ?'),
    };
  }

  private bind(table: string): CollectionTable {
    return {
      table,
      upsert: this.db.prepare<[string, number, string | null]>(
        `INSERT INTO "${table}" (id, position, doc) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET position = excluded.position, doc = excluded.doc
         WHERE excluded.position > "${table}".position`,
      ),
      get: this.db.prepare<[string], DocRow>(`SELECT id, position, doc FROM "${table}" WHERE id = ? AND doc IS NOT NULL`),
      // json_each binds any number of ids as one parameter; each probes the id index (an IN list would copy them first).
      getMany: this.db.prepare<[string], DocRow>(
        `SELECT d.id, d.position, d.doc FROM json_each(?) AS ids JOIN "${table}" AS d ON d.id = ids.value WHERE d.doc IS NOT NULL`,
      ),
    };
  }

  /** The collection's table, or null when nothing was ever written or indexed in it. */
  private lookup(collection: string): CollectionTable | null {
    const known = this.tables.get(collection);
    if (known) return known;
    const row = this.statements.catalogGet.get(collection);
    return row ? this.remember(collection, row.table_name) : null;
  }

  private remember(collection: string, table: string): CollectionTable {
    const bound = this.bind(table);
    this.tables.set(collection, bound);
    return bound;
  }

  /** Creates the collection's table on first use, in its own transaction so a failed commit cannot orphan it. */
  private tableFor(collection: string): CollectionTable {
    return this.lookup(collection) ?? this.register(collection, []);
  }

  private register(collection: string, fields: string[]): CollectionTable {
    const table = this.registerNow(collection, fields);
    return this.tables.get(collection) ?? this.remember(collection, table);
  }

  /** Adds the collection (another process may have added it first) and its fields' indexes; returns its table. */
  private registerInCatalog(collection: string, fields: string[]): string {
    this.statements.catalogAdd.run(collection, collectionTable(collection));
    const row = this.statements.catalogGet.get(collection)!;
    const known = JSON.parse(row.fields) as string[];
    const all = [...new Set([...known, ...fields])];
    this.createTable(row.table_name, all);
    if (all.length > known.length) this.statements.catalogFields.run(JSON.stringify(all), collection);
    return row.table_name;
  }

  private createTable(table: string, fields: string[]): void {
    this.db.exec(createTableSql(table));
    for (const field of fields) this.db.exec(createIndexSql(table, field));
  }

  private applyNow(name: string, writes: DocWrite[], checkpoint: number): void {
    for (const w of writes) this.tables.get(w.collection)!.upsert.run(w.id, w.position, w.doc === null ? null : JSON.stringify(w.doc));
    this.statements.raiseCheckpoint.run(name, checkpoint);
  }

  /** DROP + CREATE frees the pages wholesale, where DELETE would update every index row by row. */
  private dropNow(name: string, collections: string[]): void {
    for (const collection of new Set(collections)) {
      const row = this.statements.catalogGet.get(collection);
      if (!row) continue;
      this.db.exec(`DROP TABLE IF EXISTS "${row.table_name}"`);
      this.createTable(row.table_name, JSON.parse(row.fields) as string[]);
    }
    this.statements.deleteCheckpoint.run(name);
  }

  /** Moves documents from the single `docs` table of earlier versions into per-collection tables. */
  private migrateSharedTable(): void {
    const legacy = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'docs'").get();
    if (!legacy) return;
    this.db.transaction(() => {
      const collections = this.db.prepare<[], { collection: string }>('SELECT DISTINCT collection FROM docs').all();
      for (const { collection } of collections) {
        const table = this.registerInCatalog(collection, []);
        this.db.prepare(`INSERT INTO "${table}" (id, position, doc) SELECT id, position, doc FROM docs WHERE collection = ?`).run(collection);
      }
      // Its shared expression indexes go with it; ProjectionRunner.init re-creates them per collection.
      this.db.exec('DROP TABLE docs');
    }).immediate();
  }

  async get<T = Record<string, unknown>>(collection: string, id: string): Promise<StoredDoc<T> | null> {
    const row = this.lookup(collection)?.get.get(id);
    return row ? toStored<T>(row) : null;
  }

  async getMany<T = Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, StoredDoc<T>>> {
    const table = ids.length ? this.lookup(collection) : null;
    if (!table) return new Map();
    const rows = table.getMany.all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, toStored<T>(row)]));
  }

  async find<T = Record<string, unknown>>(collection: string, query: DocQuery): Promise<Page<T>> {
    checkPaging('skip', query.skip);
    checkPaging('limit', query.limit);
    const where = compileWhere(query.where);
    const orderBy = compileOrderBy(query.sort);
    const table = this.lookup(collection);
    if (!table) return { items: [], total: 0 };
    const filter = `FROM "${table.table}" WHERE doc IS NOT NULL AND ${where.sql}`;
    const total = (this.statement(`SELECT count(*) AS total ${filter}`).get(...where.params) as { total: number }).total;
    const select = `SELECT doc ${filter} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
    const rows = this.statement(select).all(...where.params, query.limit ?? -1, query.skip ?? 0) as { doc: string }[];
    return { items: rows.map((row) => JSON.parse(row.doc) as T), total };
  }

  private statement(sql: string): Database.Statement<SqlValue[], unknown> {
    let statement = this.queries.get(sql);
    if (!statement) {
      if (this.queries.size >= MAX_CACHED_QUERIES) this.queries.clear();
      statement = this.db.prepare<SqlValue[], unknown>(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }

  async commit(name: string, writes: DocWrite[], checkpoint: number): Promise<void> {
    for (const w of writes) if (!this.tables.has(w.collection)) this.tableFor(w.collection);
    this.commitNow(name, writes, checkpoint);
  }

  async reset(name: string, collections: string[]): Promise<void> {
    this.resetNow(name, collections);
  }

  /** One expression index per field, on this collection's table only; the fields are kept for reset. */
  async ensureIndexes(collection: string, fields: string[]): Promise<void> {
    // Refuses an unsafe field name before anything is created.
    for (const field of fields) fieldExpression(field);
    this.register(collection, fields);
  }

  async load(name: string): Promise<number> {
    return this.statements.loadCheckpoint.get(name)?.position ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    this.statements.saveCheckpoint.run(name, position);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.db.pragma('optimize');
    this.db.close();
  }
}
