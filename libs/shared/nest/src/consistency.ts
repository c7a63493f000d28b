import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiQuery } from '@nestjs/swagger';

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
