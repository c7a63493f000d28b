import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { callbackFileProjection } from './callback-file.projection';
import { CallbacksQueryController } from './callbacks-query.controller';
import { needsCampaignProjection } from './needs-campaign.projection';

export const callbacksProjections: Projection<object>[] = [callbackFileProjection, needsCampaignProjection];

/** SD-11 callbacks and SD-12 needs campaign views; needs READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [CallbacksQueryController] })
export class CallbacksQueryModule {}
