import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';

export const faultsProjections: Projection<object>[] = [];

@Module({})
export class FaultsQueryModule {}
