import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { collaborationProjection } from './collaboration.projection';
import { faultProjection } from './fault.projection';
import { FaultsQueryController } from './faults-query.controller';

export const faultsProjections: Projection<object>[] = [faultProjection, collaborationProjection];

/** SD-13 collaborations and SD-14 major faults; needs READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [FaultsQueryController] })
export class FaultsQueryModule {}
