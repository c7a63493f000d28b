import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { log } from '../support';

// Kafka and the MongoDB-protocol store: taken from KAFKA_BROKERS / MONGO_URL when set, otherwise
// started with tools/engines/start. Only engines this run started (its log says "started pid",
// not "already running") are stopped at the end: other runs may be using the same engines.

export type EngineName = 'kafka' | 'ferretdb';

export interface Engines {
  kafkaBrokers: string;
  mongoUrl: string;
  /** Where each URL came from. */
  source: { kafka: 'env' | 'tools/engines'; mongo: 'env' | 'tools/engines' };
  /** Engines this run started and must stop. */
  started: EngineName[];
}

interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runScript(script: string, args: string[], timeoutMs: number): Promise<ScriptResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(script, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
  });
}

/** Engines named by "<engine>: started pid N" in the script's log. */
function startedIn(stderr: string): EngineName[] {
  const started: EngineName[] = [];
  for (const match of stderr.matchAll(/\[engines\] (kafka|ferretdb): started pid \d+/g)) {
    const name = match[1] === 'kafka' ? 'kafka' : 'ferretdb';
    if (!started.includes(name)) started.push(name);
  }
  return started;
}

function exported(stdout: string, variable: string): string | undefined {
  const match = new RegExp(`^export ${variable}=(.*)$`, 'm').exec(stdout);
  return match?.[1]?.trim().replace(/^['"]|['"]$/g, '');
}

/**
 * Resolves the engines. `onStarted` is told about each engine as soon as this run owns it, so a
 * failure (or a signal) between here and the end still stops exactly those.
 */
export async function resolveEngines(root: string, onStarted: (engines: EngineName[]) => void): Promise<Engines> {
  const envKafka = process.env['KAFKA_BROKERS'];
  const envMongo = process.env['MONGO_URL'];
  const missing: EngineName[] = [];
  if (!envKafka) missing.push('kafka');
  if (!envMongo) missing.push('ferretdb');
  if (missing.length === 0) {
    return { kafkaBrokers: envKafka!, mongoUrl: envMongo!, source: { kafka: 'env', mongo: 'env' }, started: [] };
  }
  log(`${missing.join(' and ')} not given (KAFKA_BROKERS / MONGO_URL): running tools/engines/start ${missing.join(' ')}`);
  // The first run installs (a few minutes); later runs only start processes, or find them running.
  const result = await runScript(join(root, 'tools', 'engines', 'start'), missing, 15 * 60_000);
  const started = startedIn(result.stderr);
  onStarted(started);
  if (result.code !== 0) throw new Error(`tools/engines/start ${missing.join(' ')} failed with exit code ${result.code}`);
  const kafkaBrokers = envKafka ?? exported(result.stdout, 'KAFKA_BROKERS');
  const mongoUrl = envMongo ?? exported(result.stdout, 'MONGO_URL');
  if (!kafkaBrokers || !mongoUrl) throw new Error(`tools/engines/start printed no KAFKA_BROKERS / MONGO_URL:\n${result.stdout}`);
  return {
    kafkaBrokers,
    mongoUrl,
    source: { kafka: envKafka ? 'env' : 'tools/engines', mongo: envMongo ? 'env' : 'tools/engines' },
    started,
  };
}

/** Stops the engines this run started (and only those). */
export async function stopEngines(root: string, engines: EngineName[]): Promise<void> {
  if (engines.length === 0) return;
  log(`stopping the engines this run started: ${engines.join(', ')}`);
  const result = await runScript(join(root, 'tools', 'engines', 'stop'), engines, 120_000);
  if (result.code !== 0) log(`tools/engines/stop ${engines.join(' ')} exited with ${result.code}`);
}

/**
 * Pids of engines run by tools/engines (from its pid files, checked against the process' command
 * line), for CPU figures only; empty when the engines run elsewhere.
 */
export function enginePids(root: string): Partial<Record<EngineName, number>> {
  const runDir = process.env['ENGINES_RUN'] ?? join(root, '.engines');
  const patterns: Record<EngineName, string> = { kafka: 'kafka.Kafka', ferretdb: 'ferretdb' };
  const pids: Partial<Record<EngineName, number>> = {};
  for (const name of ['kafka', 'ferretdb'] as const) {
    try {
      const pid = Number(readFileSync(join(runDir, name, `${name}.pid`), 'utf8').trim());
      if (Number.isInteger(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(patterns[name])) pids[name] = pid;
    } catch {
      // not there, not running, or not ours to see
    }
  }
  return pids;
}
