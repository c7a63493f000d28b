import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { ProactiveQueryController } from './proactive-query.controller';
import { inspectionProjection, researchVisitProjection, satisfactionSurveyProjection } from './proactive.projections';

export const proactiveProjections: Projection<object>[] = [inspectionProjection, satisfactionSurveyProjection, researchVisitProjection];

/** SD-16 inspections, satisfaction statistics and research visits; needs READ_MODEL_STORE and CLOCK. */
@Module({ controllers: [ProactiveQueryController] })
export class ProactiveQueryModule {}
