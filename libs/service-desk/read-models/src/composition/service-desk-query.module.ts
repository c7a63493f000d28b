import { Module } from '@nestjs/common';
import { CallbacksQueryModule } from '../callbacks/callbacks-query.module';
import { DirectoryQueryModule } from '../directory/directory-query.module';
import { DutyQueryModule } from '../duty/duty-query.module';
import { FaultsQueryModule } from '../faults/faults-query.module';
import { LadderQueryModule } from '../ladder/ladder-query.module';
import { ProactiveQueryModule } from '../proactive/proactive-query.module';
import { ReportQueryModule } from '../report/report-query.module';
import { TicketQueryModule } from '../ticket/ticket-query.module';

/** Service-desk read models over HTTP; needs READ_MODEL_STORE and CLOCK from the host app. */
@Module({
  imports: [
    TicketQueryModule,
    DirectoryQueryModule,
    CallbacksQueryModule,
    FaultsQueryModule,
    DutyQueryModule,
    LadderQueryModule,
    ProactiveQueryModule,
    ReportQueryModule,
  ],
})
export class ServiceDeskQueryModule {}
