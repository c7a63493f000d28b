/**
 * One stream-name convention for every context: `<context>.<aggregate>.<id>`.
 * Context and aggregate are kebab-case names without dots, so the first two dots split the name
 * unambiguously whatever the id holds (`service-desk.service-ladder.t-42`, `hr.payslip.2026-03.ts-wang`).
 */
export interface StreamName {
  context: string;
  aggregate: string;
  id: string;
}

const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function assertName(kind: string, value: string): void {
  if (!NAME.test(value)) throw new Error(`${kind} "${value}" must be kebab-case without dots`);
}

export function streamName(context: string, aggregate: string, id: string): string {
  assertName('context', context);
  assertName('aggregate', aggregate);
  if (id.length === 0) throw new Error(`stream id of ${context}.${aggregate} must not be empty`);
  return `${context}.${aggregate}.${id}`;
}

/** Null when the name does not follow the convention. */
export function parseStreamName(streamId: string): StreamName | null {
  const first = streamId.indexOf('.');
  const second = first < 0 ? -1 : streamId.indexOf('.', first + 1);
  if (second < 0 || second === streamId.length - 1) return null;
  const context = streamId.slice(0, first);
  const aggregate = streamId.slice(first + 1, second);
  if (!NAME.test(context) || !NAME.test(aggregate)) return null;
  return { context, aggregate, id: streamId.slice(second + 1) };
}

/** The context a stream belongs to: `service-desk.ticket.42` → `service-desk`. */
export function contextOf(streamId: string): string {
  const dot = streamId.indexOf('.');
  return dot < 0 ? streamId : streamId.slice(0, dot);
}

/** The aggregate category: `service-desk.ticket.42` → `service-desk.ticket` (null when malformed). */
export function categoryOf(streamId: string): string | null {
  const parsed = parseStreamName(streamId);
  return parsed ? `${parsed.context}.${parsed.aggregate}` : null;
}

/** The streams of one aggregate type: build a name, recognise one, take its id back. */
export interface StreamCategory {
  readonly context: string;
  readonly aggregate: string;
  /** `<context>.<aggregate>` */
  readonly category: string;
  of(id: string): string;
  owns(streamId: string): boolean;
  /** The id part of a stream of this category, null for any other stream. */
  idOf(streamId: string): string | null;
}

export function streamCategory(context: string, aggregate: string): StreamCategory {
  assertName('context', context);
  assertName('aggregate', aggregate);
  const prefix = `${context}.${aggregate}.`;
  return {
    context,
    aggregate,
    category: `${context}.${aggregate}`,
    of: (id) => streamName(context, aggregate, id),
    owns: (streamId) => streamId.length > prefix.length && streamId.startsWith(prefix),
    idOf: (streamId) => (streamId.length > prefix.length && streamId.startsWith(prefix) ? streamId.slice(prefix.length) : null),
  };
}
