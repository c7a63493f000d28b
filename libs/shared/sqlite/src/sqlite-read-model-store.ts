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
}

// `doc` NULL is a tombstone: it remembers a deletion's position so a late, older write cannot revive the document.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS docs (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    doc TEXT,
    PRIMARY KEY (collection, id)
  );
  CREATE TABLE IF NOT EXISTS checkpoints (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  );
`;

// Statements built from queries are cached by their SQL; the cap bounds memory for ad-hoc queries.
const MAX_CACHED_QUERIES = 256;

interface DocRow {
  id: string;
  position: number;
  doc: string;
}

function toStored<T>(row: DocRow): StoredDoc<T> {
  return { id: row.id, position: row.position, doc: JSON.parse(row.doc) as T };
}

function checkPaging(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`${name} must be a non-negative integer`);
}

/** Index name per field; the hash keeps `a.b` and `a_b` apart. */
function indexName(field: string): string {
  const readable = field.replace(/[^A-Za-z0-9]/g, '_').slice(0, 40);
  return `docs_by_${readable}_${createHash('sha1').update(field).digest('hex').slice(0, 8)}`;
}

/**
 * Read models and their checkpoints in one SQLite file, so a commit moves documents and
 * checkpoint together. Each write is an upsert guarded by position: duplicates change nothing.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteReadModelStore['prepare']>;
  private readonly queries = new Map<string, Database.Statement<SqlValue[], unknown>>();
  private readonly commitNow: (name: string, writes: DocWrite[], checkpoint: number) => void;
  private readonly resetNow: (name: string, collections: string[]) => void;

  constructor(options: SqliteReadModelStoreOptions) {
    this.db = openDatabase({ file: options.file, synchronous: options.synchronous ?? 'NORMAL', busyTimeoutMs: options.busyTimeoutMs });
    this.db.exec(SCHEMA);
    this.statements = this.prepare();
    const commit = this.db.transaction((name: string, writes: DocWrite[], checkpoint: number) => {
      for (const w of writes) this.statements.upsert.run(w.collection, w.id, w.position, w.doc === null ? null : JSON.stringify(w.doc));
      this.statements.raiseCheckpoint.run(name, checkpoint);
    });
    this.commitNow = (name, writes, checkpoint) => commit.immediate(name, writes, checkpoint);
    this.resetNow = this.db.transaction((name: string, collections: string[]) => {
      for (const collection of collections) this.statements.deleteCollection.run(collection);
      this.statements.deleteCheckpoint.run(name);
    });
  }

  private prepare() {
    return {
      upsert: this.db.prepare<[string, string, number, string | null]>(
        `INSERT INTO docs (collection, id, position, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET position = excluded.position, doc = excluded.doc
         WHERE excluded.position > docs.position`,
      ),
      get: this.db.prepare<[string, string], DocRow>('SELECT id, position, doc FROM docs WHERE collection = ? AND id = ? AND doc IS NOT NULL'),
      getMany: this.db.prepare<[string, string], DocRow>(
        'SELECT id, position, doc FROM docs WHERE collection = ? AND id IN (SELECT value FROM json_each(?)) AND doc IS NOT NULL',
      ),
      raiseCheckpoint: this.db.prepare<[string, number]>(
        `INSERT INTO checkpoints (name, position) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET position = max(checkpoints.position, excluded.position)`,
      ),
      saveCheckpoint: this.db.prepare<[string, number]>(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ),
      loadCheckpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      deleteCollection: this.db.prepare<[string]>('DELETE FROM docs WHERE collection = ?'),
      deleteCheckpoint: this.db.prepare<[string]>('DELETE FROM checkpoints WHERE name = ?'),
    };
  }

  async get<T = Record<string, unknown>>(collection: string, id: string): Promise<StoredDoc<T> | null> {
    const row = this.statements.get.get(collection, id);
    return row ? toStored<T>(row) : null;
  }

  async getMany<T = Record<string, unknown>>(collection: string, ids: string[]): Promise<Map<string, StoredDoc<T>>> {
    if (ids.length === 0) return new Map();
    const rows = this.statements.getMany.all(collection, JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, toStored<T>(row)]));
  }

  async find<T = Record<string, unknown>>(collection: string, query: DocQuery): Promise<Page<T>> {
    checkPaging('skip', query.skip);
    checkPaging('limit', query.limit);
    const where = compileWhere(query.where);
    const filter = `FROM docs WHERE collection = ? AND doc IS NOT NULL AND ${where.sql}`;
    const params: SqlValue[] = [collection, ...where.params];
    const total = (this.statement(`SELECT count(*) AS total ${filter}`).get(...params) as { total: number }).total;
    const select = `SELECT doc ${filter} ORDER BY ${compileOrderBy(query.sort)} LIMIT ? OFFSET ?`;
    const rows = this.statement(select).all(...params, query.limit ?? -1, query.skip ?? 0) as { doc: string }[];
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
    this.commitNow(name, writes, checkpoint);
  }

  async reset(name: string, collections: string[]): Promise<void> {
    this.resetNow(name, collections);
  }

  /**
   * One expression index per field over (collection, value, id), shared by every collection;
   * the trailing id serves find's tie-break, or the planner would rather scan the primary key.
   */
  async ensureIndexes(_collection: string, fields: string[]): Promise<void> {
    for (const field of new Set(fields)) {
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${indexName(field)} ON docs (collection, ${fieldExpression(field)}, id)`);
    }
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
