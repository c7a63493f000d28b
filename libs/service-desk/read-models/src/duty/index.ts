import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';

export const dutyProjections: Projection<object>[] = [];

@Module({})
export class DutyQueryModule {}
