import { Module } from '@nestjs/common';
import { ServiceDeskCommands } from './service-desk.commands';
import { ServiceDeskController } from './service-desk.controller';
import { CallbacksApiModule } from './callbacks';
import { DutyApiModule } from './duty';
import { FaultsApiModule } from './faults';
import { LadderApiModule } from './ladder';
import { ProactiveApiModule } from './proactive';
import { ReportApiModule } from './report';

/** Service-desk commands over HTTP; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({
  imports: [CallbacksApiModule, FaultsApiModule, DutyApiModule, LadderApiModule, ProactiveApiModule, ReportApiModule],
  controllers: [ServiceDeskController],
  providers: [ServiceDeskCommands],
  exports: [ServiceDeskCommands],
})
export class ServiceDeskApiModule {}
