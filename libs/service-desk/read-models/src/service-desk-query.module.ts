import { Module } from '@nestjs/common';
import { ServiceDeskQueryController } from './service-desk-query.controller';

/** Service-desk read models over HTTP; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [ServiceDeskQueryController] })
export class ServiceDeskQueryModule {}
