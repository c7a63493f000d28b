import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { LadderQueryController } from './ladder-query.controller';
import { ladderProjectionList } from './ladder.projections';

export * from './ladder.projections';
export * from './ladder.queries';
export * from './ladder-query.controller';

/** SD-6, SD-8 and SD-17 read models. */
export const ladderProjections: Projection<object>[] = ladderProjectionList;

/** SD-6, SD-8 and SD-17 queries over HTTP; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [LadderQueryController] })
export class LadderQueryModule {}
