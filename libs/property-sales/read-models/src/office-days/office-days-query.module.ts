import { Module } from '@nestjs/common';
import { PsOfficeDaysQueryController } from './office-days-query.controller';

/** PS-10 office-day checklist over HTTP; needs READ_MODEL_STORE and CLOCK from the host. */
@Module({ controllers: [PsOfficeDaysQueryController] })
export class PsOfficeDaysQueryModule {}
