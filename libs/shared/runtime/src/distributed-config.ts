import { resolve } from 'node:path';

export type EventStoreConfig = { kind: 'sqlite'; file: string } | { kind: 'kurrentdb'; url: string };

export interface DistributedConfig {
  port: number;
  host: string;
  eventStore: EventStoreConfig;
  /** `partitions` is for integration topics; domain topics have one partition (the log's order is the projectors' contract). */
  kafka: { brokers: string[]; clientId: string; partitions: number; replicationFactor: number; topicPrefix: string };
  mongoUrl: string;
  jwtSecret: string;
  projectorGroup: string;
  reactorGroup: string;
  relayBatchSize: number;
  logger: boolean;
}

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(name, 'is required');
  return value;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(name, `must be an integer ≥ ${min}, got ${raw}`);
  return value;
}

/**
 * The distributed apps are configured only by environment variables; which adapters run is
 * configuration, never code. Only what an app uses is read, so each app states its needs.
 */
export function readDistributedConfig(
  needs: { eventStore?: boolean; kafka?: boolean; mongo?: boolean; jwt?: boolean },
  env: NodeJS.ProcessEnv = process.env,
  defaultPort = 3000,
): DistributedConfig {
  const kind = env['EVENT_STORE'] ?? (env['ESDB_URL'] ? 'kurrentdb' : 'sqlite');
  if (kind !== 'sqlite' && kind !== 'kurrentdb') throw new ConfigError('EVENT_STORE', `must be sqlite or kurrentdb, got ${kind}`);
  const eventStore: EventStoreConfig =
    kind === 'kurrentdb'
      ? { kind, url: needs.eventStore ? required(env, 'ESDB_URL') : '' }
      : { kind, file: resolve(env['EVENT_STORE_FILE'] ?? resolve(env['DATA_DIR'] ?? './data', 'events.db')) };
  return {
    port: positiveInt(env, 'PORT', defaultPort, 0),
    host: env['HOST'] ?? '0.0.0.0',
    eventStore,
    kafka: {
      brokers: needs.kafka ? required(env, 'KAFKA_BROKERS').split(',').map((b) => b.trim()).filter(Boolean) : [],
      clientId: env['KAFKA_CLIENT_ID'] ?? 'ebp',
      partitions: positiveInt(env, 'KAFKA_TOPIC_PARTITIONS', 3),
      replicationFactor: positiveInt(env, 'KAFKA_REPLICATION_FACTOR', 1),
      // A prefix keeps environments (staging, a test run) apart on one cluster.
      topicPrefix: env['KAFKA_TOPIC_PREFIX'] ?? '',
    },
    mongoUrl: needs.mongo ? required(env, 'MONGO_URL') : '',
    jwtSecret: needs.jwt ? required(env, 'JWT_SECRET') : '',
    projectorGroup: env['PROJECTOR_GROUP'] ?? 'ebp-projector',
    reactorGroup: env['REACTOR_GROUP'] ?? 'ebp-reactors',
    relayBatchSize: positiveInt(env, 'RELAY_BATCH_SIZE', 500),
    logger: env['LOG_LEVEL'] !== 'silent',
  };
}
