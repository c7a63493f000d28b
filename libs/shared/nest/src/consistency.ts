import {
  BadRequestException,
  Inject,
  Injectable,
  Module,
  ServiceUnavailableException,
  SetMetadata,
  applyDecorators,
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import type { CheckpointStore } from '@ebp/shared-eventsourcing';
import { READ_MODEL_STORE } from './injection-tokens';

/** Request header (or the `minPosition` query parameter) carrying the position a query must reflect. */
export const MIN_POSITION_HEADER = 'x-min-position';
export const MIN_POSITION_PARAM = 'minPosition';
/** How long a query may wait for `minPosition`: `x-wait-ms` header or `waitMs` parameter, default 2 s, at most 10 s. */
export const WAIT_HEADER = 'x-wait-ms';
export const WAIT_PARAM = 'waitMs';
export const DEFAULT_WAIT_MS = 2000;
export const MAX_WAIT_MS = 10_000;
/** The response header naming the position the read models had reached. */
export const POSITION_HEADER = 'x-position';

export const READS_FROM_KEY = 'ebp:reads-from';

/**
 * The projections (by name) a query handler reads, on the handler or its controller. A query
 * with a minimum position waits until each of them has applied it; `[]` means it reads the
 * event store itself and never waits.
 */
export const ReadsFrom = (...projections: string[]) =>
  applyDecorators(
    SetMetadata(READS_FROM_KEY, projections),
    ApiQuery({
      name: MIN_POSITION_PARAM,
      required: false,
      type: Number,
      description: 'Read-your-writes: wait until the read models have applied this global position (a command reply\'s X-Position); 503 with Retry-After if they do not in time. Same as the X-Min-Position header.',
    }),
    ApiQuery({ name: WAIT_PARAM, required: false, type: Number, description: `How long to wait for minPosition, in ms (default ${DEFAULT_WAIT_MS}, at most ${MAX_WAIT_MS}). Same as the X-Wait-Ms header.` }),
    ApiHeader({ name: 'X-Min-Position', required: false, description: 'Same as the minPosition parameter' }),
  );

export interface ConsistencyOptions {
  /** The checkpoint names behind a projection (the distributed projector keeps one per context for the audit trail). */
  checkpointsOf?: (projection: string) => string[];
  /** What a query without @ReadsFrom waits for: every projection of the host. */
  allProjections: string[];
}

export const CONSISTENCY_OPTIONS = Symbol('CONSISTENCY_OPTIONS');

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
}

interface ReplyLike {
  header(name: string, value: string): unknown;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** A non-negative integer from a header or parameter, or a 400 naming it. */
export function parseNonNegative(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  const text = String(first(value)).trim();
  const parsed = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed > max) {
    throw new BadRequestException({ statusCode: 400, error: 'invalid', field, message: `${field} must be an integer from 0 to ${max}` });
  }
  return parsed;
}

/** Polls the checkpoints until the lowest reaches `position` or the deadline passes; returns the lowest seen. */
export async function waitForCheckpoints(store: CheckpointStore, names: string[], position: number, waitMs: number): Promise<{ reached: number; caughtUp: boolean }> {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    const checkpoints = await Promise.all(names.map((name) => store.load(name)));
    const reached = checkpoints.length ? Math.min(...checkpoints) : Number.MAX_SAFE_INTEGER;
    if (reached >= position) return { reached, caughtUp: true };
    const left = deadline - Date.now();
    if (left <= 0) return { reached, caughtUp: false };
    await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
  }
}

/**
 * Read-your-writes at the edge: a query given `minPosition` (or `X-Min-Position`) waits, bounded,
 * until every projection it reads (@ReadsFrom) has applied that position, then runs; on timeout it
 * answers 503 with Retry-After and the position reached. Interceptors run before pipes, so the two
 * parameters are taken off the query here and never reach a query DTO.
 */
@Injectable()
export class ConsistencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    @Inject(READ_MODEL_STORE) private readonly store: CheckpointStore,
    @Inject(CONSISTENCY_OPTIONS) private readonly options: ConsistencyOptions,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<RequestLike>();
    const query = request.query ?? {};
    const rawPosition = request.headers[MIN_POSITION_HEADER] ?? query[MIN_POSITION_PARAM];
    const rawWait = request.headers[WAIT_HEADER] ?? query[WAIT_PARAM];
    delete query[MIN_POSITION_PARAM];
    delete query[WAIT_PARAM];
    if (rawPosition === undefined) return next.handle();
    const position = parseNonNegative(rawPosition, MIN_POSITION_PARAM);
    const waitMs = rawWait === undefined ? DEFAULT_WAIT_MS : parseNonNegative(rawWait, WAIT_PARAM, MAX_WAIT_MS);
    const reads = this.reflector.getAllAndOverride<string[] | undefined>(READS_FROM_KEY, [context.getHandler(), context.getClass()]) ?? this.options.allProjections;
    const names = reads.flatMap((projection) => this.options.checkpointsOf?.(projection) ?? [projection]);
    const { reached, caughtUp } = await waitForCheckpoints(this.store, names, position, waitMs);
    const reply = context.switchToHttp().getResponse<ReplyLike>();
    if (!caughtUp) {
      reply.header('Retry-After', '1');
      reply.header(POSITION_HEADER, String(reached));
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'not-caught-up',
        message: `the read models reached position ${reached}, not ${position}, within ${waitMs} ms; retry`,
        minPosition: position,
        reached,
      });
    }
    if (names.length) reply.header(POSITION_HEADER, String(reached));
    return next.handle();
  }
}

/** Registers the read-your-writes interceptor for every route of the host. */
@Module({})
export class ConsistencyModule {
  static forRoot(options: ConsistencyOptions): DynamicModule {
    return {
      module: ConsistencyModule,
      providers: [{ provide: CONSISTENCY_OPTIONS, useValue: options }, { provide: APP_INTERCEPTOR, useClass: ConsistencyInterceptor }],
    };
  }
}
