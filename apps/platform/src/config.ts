import { resolve } from 'node:path';

export interface PlatformConfig {
  port: number;
  host: string;
  dataDir: string;
  jwtSecret?: string;
  /** SQLite `synchronous` for the event store: FULL fsyncs every acknowledged append. */
  eventStoreSync: 'FULL' | 'NORMAL';
  logger: boolean;
}

/** Reads the environment once at start; a bad value stops the process with the variable's name. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a TCP port, got ${env['PORT']}`);
  const sync = (env['EVENT_STORE_SYNC'] ?? 'FULL').toUpperCase();
  if (sync !== 'FULL' && sync !== 'NORMAL') throw new Error(`EVENT_STORE_SYNC must be FULL or NORMAL, got ${sync}`);
  return {
    port,
    host: env['HOST'] ?? '0.0.0.0',
    dataDir: resolve(env['DATA_DIR'] ?? './data'),
    jwtSecret: env['JWT_SECRET'] || undefined,
    eventStoreSync: sync,
    logger: env['LOG_LEVEL'] !== 'silent',
  };
}
