import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';

export const proactiveProjections: Projection<object>[] = [];

@Module({})
export class ProactiveQueryModule {}
