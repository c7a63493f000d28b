import { Module } from '@nestjs/common';
import { HrExternalFactsQueryController } from './external-facts-query.controller';

/** HR-4/HR-7 unmatched service-desk facts over HTTP; needs READ_MODEL_STORE from the host. */
@Module({ controllers: [HrExternalFactsQueryController] })
export class HrExternalFactsQueryModule {}
