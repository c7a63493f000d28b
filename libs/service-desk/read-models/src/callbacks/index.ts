import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';

export const callbacksProjections: Projection<object>[] = [];

@Module({})
export class CallbacksQueryModule {}
