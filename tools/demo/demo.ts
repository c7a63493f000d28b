import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isRole, issueToken, resolveJwtSecret, type Role } from '@ebp/shared-auth';
import type { BoundedContext, DemoApi } from '@ebp/shared-nest';
import { contexts } from '@ebp/platform-contexts';

/*
 * `npm run demo`: fills a running platform with each bounded context's demo data (the manifest's
 * `demo`, in the order of the platform's list of contexts) through the public HTTP API, then prints
 * each context's summary and a token to explore with.
 *
 *   BASE_URL      platform address (default http://127.0.0.1:3000)
 *   DATA_DIR      the platform's data directory, for its signing secret (default ./data)
 *   JWT_SECRET    the signing secret, if the platform was started with one
 *   DEMO_CONTEXTS comma-separated context names to seed (default: every context with a demo)
 *
 * The driver knows nothing about a context: it checks the platform is up, calls its HTTP API and
 * signs tokens for the demo users with the roles the context's demo asks for (`tokenFor`).
 */

const BASE_URL = (process.env['BASE_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const DATA_DIR = resolve(process.env['DATA_DIR'] ?? './data');

class DemoError extends Error {
  override readonly name = 'DemoError';
}

type Reply = Awaited<ReturnType<DemoApi['call']>>;

async function call(method: string, path: string, token?: string, body?: unknown, contentType?: string): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  const raw = contentType !== undefined && typeof body === 'string';
  if (body !== undefined) headers['content-type'] = raw ? contentType : 'application/json';
  const response = await fetch(BASE_URL + path, {
    method,
    headers,
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // keep the text
  }
  return { status: response.status, body: parsed };
}

function signingSecret(): string {
  if (process.env['JWT_SECRET']) return process.env['JWT_SECRET'];
  if (!existsSync(join(DATA_DIR, 'jwt-secret'))) {
    throw new DemoError(
      `no signing secret: ${join(DATA_DIR, 'jwt-secret')} does not exist and JWT_SECRET is not set.\n` +
        `Run the demo with the platform's data directory (DATA_DIR=/path/to/data npm run demo) or its JWT_SECRET.`,
    );
  }
  return resolveJwtSecret(DATA_DIR, undefined);
}

async function checkPlatform(): Promise<void> {
  let ready: Reply;
  try {
    ready = await call('GET', '/health/ready');
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new DemoError(
      `The platform is not reachable at ${BASE_URL} (${reason}).\n` +
        `Start it first, e.g. in another terminal:\n\n` +
        `    npm start                                  # http://127.0.0.1:3000, data in ./data\n` +
        `    DATA_DIR=/tmp/ebp-demo PORT=3999 npm start # elsewhere\n\n` +
        `then run \`npm run demo\` again (with BASE_URL=http://127.0.0.1:<port> and the same DATA_DIR if you changed them).`,
    );
  }
  if (ready.status !== 200) throw new DemoError(`The platform at ${BASE_URL} is not ready: HTTP ${ready.status} ${JSON.stringify(ready.body)}`);
}

/** The DemoApi one context's demo gets: a 401 on a signed request means the secret is not the platform's. */
function demoApi(secret: string): DemoApi {
  const tokens = new Map<string, string>();
  const tokenFor = (userId: string, asked: readonly Role[]): string => {
    const key = `${userId} ${[...asked].sort().join(',')}`;
    let token = tokens.get(key);
    if (token === undefined) {
      token = issueToken(secret, { userId, roles: [...asked] });
      tokens.set(key, token);
    }
    return token;
  };
  return {
    async call(method, path, token, body, contentType) {
      const reply = await call(method, path, token, body, contentType);
      if (reply.status === 401 && token) {
        throw new DemoError(
          `The platform at ${BASE_URL} rejected a token signed with the secret from ${process.env['JWT_SECRET'] ? 'JWT_SECRET' : join(DATA_DIR, 'jwt-secret')} (${method} ${path}).\n` +
            `Point DATA_DIR at the platform's data directory (or set the JWT_SECRET it was started with).`,
        );
      }
      return reply;
    },
    token: tokenFor,
  };
}

function selected(): BoundedContext[] {
  const wanted = (process.env['DEMO_CONTEXTS'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of wanted) {
    if (!contexts.some((c) => c.name === name)) throw new DemoError(`DEMO_CONTEXTS: unknown context "${name}"; known: ${contexts.map((c) => c.name).join(', ')}`);
  }
  return contexts.filter((c) => c.demo && (wanted.length === 0 || wanted.includes(c.name)));
}

// ───────────────────────────── printing ─────────────────────────────

interface Explore {
  userId: string;
  roles: Role[];
  who?: string;
  paths: string[];
  hint?: string;
}

/** A summary's optional `explore` entry: the user to try the data as. */
function exploreOf(value: unknown): Explore | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const e = value as Record<string, unknown>;
  if (typeof e['userId'] !== 'string' || !Array.isArray(e['roles'])) return undefined;
  const roles = (e['roles'] as unknown[]).filter((r): r is Role => typeof r === 'string' && isRole(r));
  const paths = Array.isArray(e['paths']) ? (e['paths'] as unknown[]).filter((p): p is string => typeof p === 'string') : [];
  return { userId: e['userId'], roles, who: typeof e['who'] === 'string' ? e['who'] : undefined, paths, hint: typeof e['hint'] === 'string' ? e['hint'] : undefined };
}

/** Strings and numbers on one line, arrays as continued lines, objects one level deeper. */
function summaryLines(summary: Record<string, unknown>, indent = '  '): string[] {
  const entries = Object.entries(summary);
  const width = Math.max(0, ...entries.map(([k]) => k.length)) + 2;
  const lines: string[] = [];
  for (const [key, value] of entries) {
    const head = `${indent}${key.padEnd(width)}`;
    if (Array.isArray(value)) {
      value.forEach((v, i) => lines.push(`${i === 0 ? head : ' '.repeat(head.length)}${typeof v === 'string' ? v : JSON.stringify(v)}`));
    } else if (value !== null && typeof value === 'object') {
      lines.push(`${indent}${key}`, ...summaryLines(value as Record<string, unknown>, `${indent}  `));
    } else {
      lines.push(`${head}${String(value)}`);
    }
  }
  return lines;
}

async function main(): Promise<void> {
  await checkPlatform();
  const secret = signingSecret();
  const chosen = selected();
  if (chosen.length === 0) throw new DemoError('no bounded context has a demo');
  const explore: { context: BoundedContext; as: Explore; token: string }[] = [];
  for (const context of chosen) {
    console.log(`Filling ${BASE_URL} with the ${context.title.toLowerCase()} demo (${context.name}) …`);
    const api = demoApi(secret);
    let summary: Record<string, unknown>;
    try {
      summary = await context.demo!(api);
    } catch (error) {
      if (error instanceof DemoError) throw error;
      const message = error instanceof Error ? (error.name === 'DemoError' ? error.message : (error.stack ?? error.message)) : String(error);
      throw new DemoError(`The ${context.name} demo failed: ${message}`);
    }
    const { explore: wanted, ...rest } = summary;
    const as = exploreOf(wanted);
    console.log(['', `${context.title} demo data at ${BASE_URL}`, ...summaryLines(rest)].join('\n'));
    if (as) explore.push({ context, as, token: api.token(as.userId, as.roles) });
  }
  for (const { context, as, token } of explore) {
    console.log(
      [
        '',
        `Token for ${as.userId}${as.who ? ` (${as.who})` : ''} in ${context.name}, roles ${as.roles.join(', ') || '(none)'}, valid 12 h:`,
        '',
        `export TOKEN=${token}`,
        '',
        ...as.paths.map((p) => `  curl -s -H "authorization: Bearer $TOKEN" '${BASE_URL}${p}'`),
        `  or open ${BASE_URL}/docs and "Authorize" with it.${as.hint ? ` ${as.hint}` : ''}`,
      ].join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  if (error instanceof DemoError) console.error(`\n${error.message}`);
  else console.error(error);
  process.exit(1);
});
