import { Module } from '@nestjs/common';
import { PsSigningListsQueryController } from './signing-lists-query.controller';

/** PS-6 signing lists over HTTP; needs READ_MODEL_STORE and CLOCK from the host. */
@Module({ controllers: [PsSigningListsQueryController] })
export class PsSigningListsQueryModule {}
