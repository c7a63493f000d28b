import { Module } from '@nestjs/common';
import { CallbacksApiModule } from '../callbacks';
import { DirectoryApiModule } from '../directory';
import { DutyApiModule } from '../duty';
import { FaultsApiModule } from '../faults';
import { LadderApiModule } from '../ladder';
import { ProactiveApiModule } from '../proactive';
import { ReportApiModule } from '../report';
import { TicketApiModule } from '../ticket';

/** Service-desk commands over HTTP; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({
  imports: [TicketApiModule, DirectoryApiModule, CallbacksApiModule, FaultsApiModule, DutyApiModule, LadderApiModule, ProactiveApiModule, ReportApiModule],
})
export class ServiceDeskApiModule {}
