import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { psAgenciesProjection } from '../registry/registry.projection';
import { PS_ROLES } from '../shared/access';
import { DateParam, ProjectIdParam } from '../shared/params';
import { SalesAsOfQueryDto } from '../shared/query.dto';
import { PsOfficeDayQueries } from './office-days.queries';
import { psOfficeDaysProjection } from './office-days.projection';
import { PsOfficeDaySchema } from './office-days.schemas';

@ApiTags('property-sales queries')
@ApiQueryErrors()
@Controller('property-sales')
export class PsOfficeDaysQueryController {
  private readonly queries: PsOfficeDayQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new PsOfficeDayQueries(store);
  }

  @Get('office-days/:projectId/:date')
  @Roles(...PS_ROLES)
  @ReadsFrom(psOfficeDaysProjection.name, psAgenciesProjection.name)
  @ProjectIdParam()
  @DateParam()
  @ApiOperation({
    summary:
      "PS-10 the sales office's day as of now (or ?asOf): duty agency, attendance by 08:45 with late arrivals, the 09:00 positions in order of each agency's arrival, handover, both inspections, the day's records before 12:00, reconciliation; every missing or late step flagged; any sales-centre role",
  })
  @ApiOkResponse({ type: PsOfficeDaySchema })
  officeDay(@CurrentActor() actor: Actor, @Param('projectId') projectId: string, @Param('date') date: string, @Query() q: SalesAsOfQueryDto) {
    return this.queries.checklist(actor, projectId, date, q.asOf ?? this.clock.now());
  }
}
