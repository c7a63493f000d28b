import type { DemoApi } from './bounded-context';

/*
 * What every context's demo seeding uses: HTTP outcomes, waiting for the read models, paged lists.
 */

export type Reply = Awaited<ReturnType<DemoApi['call']>>;

/** A demo step the platform refused: the driver prints the message, not a stack. */
export class DemoError extends Error {
  override readonly name = 'DemoError';
}

export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

export function describeReply(reply: Reply): string {
  const message = field(reply.body, 'message');
  return `HTTP ${reply.status}${message ? `: ${Array.isArray(message) ? message.join('; ') : String(message)}` : ` ${JSON.stringify(reply.body)}`}`;
}

export async function must(what: string, reply: Promise<Reply>, ok: number[] = [200, 201]): Promise<Reply> {
  const r = await reply;
  if (!ok.includes(r.status)) throw new DemoError(`${what} failed: ${describeReply(r)}`);
  return r;
}

/** Reference data: 201 created, 409 already there (a re-run), anything else stops the demo. */
export async function ensure(what: string, reply: Promise<Reply>): Promise<'created' | 'existing'> {
  const r = await must(what, reply, [201, 409]);
  return r.status === 201 ? 'created' : 'existing';
}

/** Polls until the read models show what the commands wrote. */
export async function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new DemoError(`timed out waiting for ${what} to show in the read models`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `total` of a paged list. */
export async function total(api: DemoApi, path: string, token: string): Promise<number> {
  const r = await must(`GET ${path}`, api.call('GET', path, token));
  const value = field(r.body, 'total');
  return typeof value === 'number' ? value : NaN;
}

/** `items` of a paged list. */
export async function items(api: DemoApi, path: string, token: string): Promise<Record<string, unknown>[]> {
  const r = await must(`GET ${path}`, api.call('GET', path, token));
  const list = field(r.body, 'items');
  return Array.isArray(list) ? (list as Record<string, unknown>[]) : [];
}
