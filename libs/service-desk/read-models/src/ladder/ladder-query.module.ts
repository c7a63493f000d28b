import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { LadderQueryController } from './ladder-query.controller';
import {
  customerPreferencesProjection,
  serviceLadderProjection,
  shirkingFindingProjection,
  ticketExpectationProjection,
} from './ladder.projections';

/** SD-6, SD-8 and SD-17 read models. */
export const ladderProjections: Projection<object>[] = [
  serviceLadderProjection,
  shirkingFindingProjection,
  customerPreferencesProjection,
  ticketExpectationProjection,
];

/** SD-6, SD-8 and SD-17 queries over HTTP; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [LadderQueryController] })
export class LadderQueryModule {}
