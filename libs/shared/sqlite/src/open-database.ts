import Database from 'better-sqlite3';

export type SynchronousMode = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface DatabaseOptions {
  /** Database file; ':memory:' works for a single connection but has no WAL and cannot be shared. */
  file: string;
  synchronous: SynchronousMode;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
}

const SYNCHRONOUS_MODES: readonly SynchronousMode[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** Opens a connection in WAL mode so readers never block the writer (and other processes can follow). */
export function openDatabase(options: DatabaseOptions): Database.Database {
  if (!SYNCHRONOUS_MODES.includes(options.synchronous)) throw new Error(`unknown synchronous mode ${options.synchronous}`);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('temp_store = MEMORY');
  // 64 MiB page cache: projections and catch-up reads revisit the same pages.
  db.pragma('cache_size = -65536');
  return db;
}
