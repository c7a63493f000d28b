import { Module } from '@nestjs/common';
import { PsSubscriptionsQueryController } from './subscriptions-query.controller';

/** PS-4 flags and PS-5 follow-ups over HTTP; needs READ_MODEL_STORE and CLOCK from the host. */
@Module({ controllers: [PsSubscriptionsQueryController] })
export class PsSubscriptionsQueryModule {}
