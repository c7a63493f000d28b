import { Module } from '@nestjs/common';
import { PsCustomersQueryController } from './customers-query.controller';

/** PS-2 customer register over HTTP; needs READ_MODEL_STORE from the host. */
@Module({ controllers: [PsCustomersQueryController] })
export class PsCustomersQueryModule {}
