import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The real engines integration tests run against. */
export type EngineName = 'kafka' | 'mongo' | 'esdb';

interface EngineSpec {
  env: string;
  label: string;
  /** Starts a throwaway container and returns its URL; only called where a Docker engine exists. */
  start(): Promise<{ url: string; stop: () => Promise<void> }>;
}

// Images pinned so a test run is repeatable; override with <ENGINE>_IMAGE.
const IMAGES = {
  kafka: process.env['KAFKA_IMAGE'] ?? 'apache/kafka:4.1.1',
  mongo: process.env['MONGO_IMAGE'] ?? 'mongo:8.0',
  esdb: process.env['ESDB_IMAGE'] ?? 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1',
};

const SPECS: Record<EngineName, EngineSpec> = {
  kafka: {
    env: 'KAFKA_BROKERS',
    label: 'Kafka',
    async start() {
      const { KafkaContainer } = await import('@testcontainers/kafka');
      const container = await new KafkaContainer(IMAGES.kafka).withKraft().start();
      return { url: `${container.getHost()}:${container.getMappedPort(9093)}`, stop: async () => void (await container.stop()) };
    },
  },
  mongo: {
    env: 'MONGO_URL',
    label: 'MongoDB',
    async start() {
      const { MongoDBContainer } = await import('@testcontainers/mongodb');
      const container = await new MongoDBContainer(IMAGES.mongo).start();
      return { url: `${container.getConnectionString()}/ebp?directConnection=true`, stop: async () => void (await container.stop()) };
    },
  },
  esdb: {
    env: 'ESDB_URL',
    label: 'EventStoreDB/KurrentDB',
    async start() {
      const { GenericContainer, Wait } = await import('testcontainers');
      const container = await new GenericContainer(IMAGES.esdb)
        .withEnvironment({ KURRENTDB_INSECURE: 'true', KURRENTDB_RUN_PROJECTIONS: 'None', KURRENTDB_MEM_DB: 'true' })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
        .start();
      return {
        url: `kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
        stop: async () => void (await container.stop()),
      };
    },
  },
};

/** Starts a throwaway container of the engine (where Docker runs), for suites that manage their own. */
export function startEngineContainer(engine: EngineName): Promise<{ url: string; stop: () => Promise<void> }> {
  return SPECS[engine].start();
}

let dockerAvailable: boolean | undefined;

/** True where a Docker engine answers (not just a client on the PATH). */
export function hasDocker(): boolean {
  if (dockerAvailable !== undefined) return dockerAvailable;
  if (!process.env['DOCKER_HOST'] && !existsSync('/var/run/docker.sock')) return (dockerAvailable = false);
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    dockerAvailable = true;
  } catch {
    dockerAvailable = false;
  }
  return dockerAvailable;
}

/**
 * REQUIRE_INTEGRATION=1 turns every skip of a Kafka or MongoDB suite into a failure (CI provides
 * both). KurrentDB cannot run on every CI machine, so its suites fail instead only with REQUIRE_ESDB=1.
 */
export function integrationRequired(engine: EngineName = 'kafka'): boolean {
  return engine === 'esdb' ? process.env['REQUIRE_ESDB'] === '1' : process.env['REQUIRE_INTEGRATION'] === '1';
}

export type EngineSource = { kind: 'env'; url: string } | { kind: 'container' } | { kind: 'missing'; reason: string };

export function engineSource(engine: EngineName): EngineSource {
  const spec = SPECS[engine];
  const url = process.env[spec.env];
  if (url) return { kind: 'env', url };
  if (hasDocker()) return { kind: 'container' };
  return { kind: 'missing', reason: `${spec.label}: ${spec.env} is not set and no Docker engine is reachable for testcontainers` };
}

/**
 * Declares a suite that runs against a real engine: the URL from the environment, else a
 * testcontainers container, else the suite is skipped with a printed reason (or fails when
 * REQUIRE_INTEGRATION=1). `body` receives a getter, valid from the suite's first hook on.
 */
export function describeWithEngine(engine: EngineName, title: string, body: (url: () => string) => void, startTimeoutMs = 180_000): void {
  const source = engineSource(engine);
  if (source.kind === 'missing') {
    if (integrationRequired(engine)) {
      describe(title, () => {
        it(`needs ${SPECS[engine].label} (${engine === 'esdb' ? 'REQUIRE_ESDB' : 'REQUIRE_INTEGRATION'}=1)`, () => {
          throw new Error(source.reason);
        });
      });
      return;
    }
    console.warn(`skipping "${title}": ${source.reason}`);
    describe.skip(title, () => body(() => ''));
    return;
  }
  describe(title, () => {
    let url = source.kind === 'env' ? source.url : '';
    let stop: (() => Promise<void>) | undefined;
    if (source.kind === 'container') {
      beforeAll(async () => {
        const started = await SPECS[engine].start();
        url = started.url;
        stop = started.stop;
      }, startTimeoutMs);
      afterAll(async () => stop?.(), 60_000);
    }
    body(() => url);
  });
}

/**
 * Like `describeWithEngine` for a suite that needs several engines at once; skipped (or failed
 * under REQUIRE_INTEGRATION=1) when any of them is missing.
 */
export function describeWithEngines(
  engines: EngineName[],
  title: string,
  body: (url: (engine: EngineName) => string) => void,
  startTimeoutMs = 180_000,
): void {
  if (engines.length === 0) throw new Error('describeWithEngines needs at least one engine');
  const urls = new Map<EngineName, () => string>();
  const nest = (index: number): void => {
    const engine = engines[index];
    if (!engine) {
      body((e) => {
        const get = urls.get(e);
        if (!get) throw new Error(`engine ${e} was not requested by this suite`);
        return get();
      });
      return;
    }
    describeWithEngine(engine, index === 0 ? title : `with ${engine}`, (url) => {
      urls.set(engine, url);
      nest(index + 1);
    }, startTimeoutMs);
  };
  nest(0);
}
