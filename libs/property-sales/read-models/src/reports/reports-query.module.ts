import { Module } from '@nestjs/common';
import { PsReportsQueryController } from './reports-query.controller';

/** The daily sales and sales-control reports over HTTP (JSON, CSV, printable HTML); needs READ_MODEL_STORE and CLOCK. */
@Module({ controllers: [PsReportsQueryController] })
export class PsReportsQueryModule {}
