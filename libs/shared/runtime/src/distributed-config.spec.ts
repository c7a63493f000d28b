import { ConfigError, readDistributedConfig } from './distributed-config';

describe('distributed configuration', () => {
  const base = { KAFKA_BROKERS: 'k1:9092, k2:9092', MONGO_URL: 'mongodb://m/ebp', JWT_SECRET: 's' };

  it('picks the adapters from the environment only', () => {
    const sqlite = readDistributedConfig({ eventStore: true, kafka: true, mongo: true }, { ...base, EVENT_STORE_FILE: '/data/e.db' });
    expect(sqlite.eventStore).toEqual({ kind: 'sqlite', file: '/data/e.db' });
    expect(sqlite.kafka.brokers).toEqual(['k1:9092', 'k2:9092']);
    const esdb = readDistributedConfig({ eventStore: true }, { ESDB_URL: 'kurrentdb://x:2113?tls=false' });
    expect(esdb.eventStore).toEqual({ kind: 'kurrentdb', url: 'kurrentdb://x:2113?tls=false' });
  });

  it('keeps a topic prefix so environments sharing a cluster stay apart', () => {
    const config = readDistributedConfig({ kafka: true }, { ...base, KAFKA_TOPIC_PREFIX: 'staging.' });
    expect(config.kafka.topicPrefix).toBe('staging.');
  });

  it('refuses a missing or malformed variable, naming it', () => {
    expect(() => readDistributedConfig({ mongo: true }, {})).toThrow(new ConfigError('MONGO_URL', 'is required'));
    expect(() => readDistributedConfig({ jwt: true }, {})).toThrow(/JWT_SECRET/);
    expect(() => readDistributedConfig({}, { EVENT_STORE: 'postgres' })).toThrow(/EVENT_STORE/);
    expect(() => readDistributedConfig({}, { KAFKA_TOPIC_PARTITIONS: 'many' })).toThrow(/KAFKA_TOPIC_PARTITIONS/);
  });
});
