import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { collaborationProjection } from './collaboration.projection';
import { faultProjection } from './fault.projection';
import { FaultsQueryController } from './faults-query.controller';

export * from './fault.projection';
export * from './collaboration.projection';
export * from './faults.queries';
export * from './faults-query.controller';

export const faultsProjections: Projection<object>[] = [faultProjection, collaborationProjection];

@Module({ controllers: [FaultsQueryController] })
export class FaultsQueryModule {}
