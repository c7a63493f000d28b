import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';

export const ladderProjections: Projection<object>[] = [];

@Module({})
export class LadderQueryModule {}
