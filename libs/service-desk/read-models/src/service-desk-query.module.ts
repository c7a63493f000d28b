import { Module } from '@nestjs/common';
import { CallbacksQueryModule } from './callbacks';
import { DutyQueryModule } from './duty';
import { FaultsQueryModule } from './faults';
import { LadderQueryModule } from './ladder';
import { ProactiveQueryModule } from './proactive';
import { ReportQueryModule } from './report';
import { ServiceDeskQueryController } from './service-desk-query.controller';

/** Service-desk read models over HTTP; needs READ_MODEL_STORE from the host app. */
@Module({
  imports: [CallbacksQueryModule, FaultsQueryModule, DutyQueryModule, LadderQueryModule, ProactiveQueryModule, ReportQueryModule],
  controllers: [ServiceDeskQueryController],
})
export class ServiceDeskQueryModule {}
