import Database from 'better-sqlite3';

export type SynchronousMode = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface DatabaseOptions {
  /** Database file; ':memory:' works for a single connection but has no WAL and cannot be shared. */
  file: string;
  synchronous: SynchronousMode;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  /** Page cache per connection, 16 MiB by default. */
  cacheMiB?: number;
  /** WAL pages that trigger an automatic checkpoint (SQLite's default: 1000). */
  walAutocheckpointPages?: number;
  /** Size the WAL file is truncated back to after a checkpoint, so one big transaction does not keep it large. */
  journalSizeLimitMiB?: number;
}

const SYNCHRONOUS_MODES: readonly SynchronousMode[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

function checkPositiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value <= 0)) throw new Error(`${name} must be a positive integer`);
}

/** Opens a connection in WAL mode so readers never block the writer (and other processes can follow). */
export function openDatabase(options: DatabaseOptions): Database.Database {
  if (!SYNCHRONOUS_MODES.includes(options.synchronous)) throw new Error(`unknown synchronous mode ${options.synchronous}`);
  checkPositiveInteger('cacheMiB', options.cacheMiB);
  checkPositiveInteger('walAutocheckpointPages', options.walAutocheckpointPages);
  checkPositiveInteger('journalSizeLimitMiB', options.journalSizeLimitMiB);
  const db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  db.pragma('temp_store = MEMORY');
  // 16 MiB holds the hot B-tree interior pages; more mostly adds resident memory per connection.
  db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 16)}`);
  if (options.walAutocheckpointPages !== undefined) db.pragma(`wal_autocheckpoint = ${options.walAutocheckpointPages}`);
  if (options.journalSizeLimitMiB !== undefined) db.pragma(`journal_size_limit = ${options.journalSizeLimitMiB * 1024 * 1024}`);
  return db;
}
