import { Module } from '@nestjs/common';
import { PsUnitsQueryController } from './units-query.controller';

/** PS-1 … PS-9 unit views over HTTP; needs READ_MODEL_STORE and CLOCK from the host. */
@Module({ controllers: [PsUnitsQueryController] })
export class PsUnitsQueryModule {}
