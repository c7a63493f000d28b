import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';

export const reportProjections: Projection<object>[] = [];

@Module({})
export class ReportQueryModule {}
