import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

// Child processes, HTTP and /proc helpers for the distributed benchmark. Copied in spirit from
// tools/bench/bench.ts, which exports nothing (importing it would run the embedded benchmark).

export function log(message: string): void {
  process.stderr.write(`[bench:distributed] ${message}\n`);
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

export const fmt = (n: number, digits = 0): string =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a';

/** Nearest-rank percentile of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

// ───────────────────────────── child processes ─────────────────────────────

export interface Child {
  name: string;
  process: ChildProcess;
  /** The last chunks of its stdout and stderr, shown when it fails. */
  output: string[];
  exited: Promise<number | null>;
}

export const children = new Set<Child>();

export function isRunning(child: Child): boolean {
  return child.process.exitCode === null && child.process.signalCode === null;
}

export function spawnNode(name: string, script: string, options: { cwd: string; registerPaths: string; env: Record<string, string> }): Child {
  const child = spawn(process.execPath, ['-r', options.registerPaths, script], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const entry: Child = { name, process: child, output, exited };
  children.add(entry);
  void exited.then(() => children.delete(entry));
  return entry;
}

/** SIGTERM (the apps drain on it), SIGKILL after `graceMs`. Resolves with how long it took. */
export async function stopChild(child: Child, graceMs = 15_000): Promise<number> {
  const started = performance.now();
  if (isRunning(child)) {
    child.process.kill('SIGTERM');
    const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }
  return performance.now() - started;
}

export function killAllNow(): void {
  for (const child of children) if (isRunning(child)) child.process.kill('SIGKILL');
}

// ───────────────────────────── HTTP ─────────────────────────────

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface HttpResult {
  status: number;
  body: unknown;
}

/** A string body with `contentType` (e.g. `text/csv`) is sent as is; any other body as JSON. */
export async function http(baseUrl: string, method: string, path: string, token?: string, body?: unknown, contentType?: string): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  const raw = contentType !== undefined && typeof body === 'string';
  if (body !== undefined) headers['content-type'] = raw ? contentType : 'application/json';
  const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}

export function numberField(value: unknown, key: string): number {
  const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof field !== 'number') throw new Error(`expected a number in ${key} of ${JSON.stringify(value)}`);
  return field;
}

export function arrayField(value: unknown, key: string): unknown[] {
  const field = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(field)) throw new Error(`expected an array in ${key} of ${JSON.stringify(value)}`);
  return field;
}

export async function expectStatus(result: Promise<HttpResult>, expected: number, what: string): Promise<HttpResult> {
  const r = await result;
  if (r.status !== expected) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/** Polls `probe` every `everyMs` until it returns true; fails early when one of `watch` exits. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number, watch: Child[] = [], everyMs = 50): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const dead = watch.find((child) => !isRunning(child));
    if (dead) {
      throw new Error(`${dead.name} exited (${dead.process.exitCode ?? dead.process.signalCode}) while waiting for ${what}:\n${dead.output.join('')}`);
    }
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = error; // not up yet
    }
    if (performance.now() > deadline) {
      const last = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}\n${watch.map((c) => `--- ${c.name}:\n${c.output.join('')}`).join('\n')}`);
    }
    await sleep(everyMs);
  }
}

// ───────────────────────────── /proc ─────────────────────────────

/** Peak resident set size (VmHWM) of a live process, in MB; NaN when it cannot be read. */
export function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** User + system CPU time a live process has used so far, in seconds (clock ticks assumed 100/s, Linux' USER_HZ). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name (which may contain spaces); utime, stime are fields 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

// ───────────────────────────── table ─────────────────────────────

export interface Row {
  metric: string;
  value: string;
}

export function printTable(rows: Row[]): void {
  const header = ['metric', 'value'];
  const widths = [Math.max(header[0].length, ...rows.map((r) => r.metric.length)), Math.max(header[1].length, ...rows.map((r) => r.value.length))];
  const line = (cells: string[]): string => '│ ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' │ ') + ' │';
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  console.log(rule('┌', '┬', '┐'));
  console.log(line(header));
  console.log(rule('├', '┼', '┤'));
  for (const r of rows) console.log(line([r.metric, r.value]));
  console.log(rule('└', '┴', '┘'));
}
