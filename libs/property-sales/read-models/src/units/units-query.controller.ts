import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { psAgencyMembersProjection } from '../registry/registry.projection';
import { PS_ROLES } from '../shared/access';
import { UnitIdParam } from '../shared/params';
import { SalesAsOfQueryDto } from '../shared/query.dto';
import { psSubscriptionsProjection } from '../subscriptions/subscriptions.projection';
import { PsUnitQueries } from './units.queries';
import { psUnitsProjection } from './units.projection';
import { PsCopiesChecklistSchema, PsUnitDetailSchema } from './units.schemas';

@ApiTags('property-sales queries')
@ApiQueryErrors()
@Controller('property-sales')
export class PsUnitsQueryController {
  private readonly queries: PsUnitQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new PsUnitQueries(store);
  }

  @Get('units/:unitId')
  @Roles(...PS_ROLES)
  @ReadsFrom(psUnitsProjection.name, psAgencyMembersProjection.name)
  @UnitIdParam()
  @ApiOperation({
    summary:
      'PS-1 one unit as of now (or ?asOf): state (a lapsed reservation is available), price history with approvers, hold, reservation, PS-3 price sheets (an agency sees its own), PS-4 subscription steps, PS-5 follow-up, PS-7 signing steps with who/when and the archive flag, PS-8 errors, PS-9 copies; any sales-centre role',
  })
  @ApiOkResponse({ type: PsUnitDetailSchema })
  unit(@CurrentActor() actor: Actor, @Param('unitId') unitId: string, @Query() q: SalesAsOfQueryDto) {
    return this.queries.detail(actor, unitId, q.asOf ?? this.clock.now());
  }

  @Get('contracts/:contractId/copies')
  @Roles(...PS_ROLES)
  @ReadsFrom(psUnitsProjection.name, psSubscriptionsProjection.name, psAgencyMembersProjection.name)
  @ApiParam({ name: 'contractId', description: 'The contract id made at the first signing step' })
  @ApiOperation({ summary: "PS-9 a contract's copy checklist from its payment method and unit type; any sales-centre role" })
  @ApiOkResponse({ type: PsCopiesChecklistSchema })
  copies(@CurrentActor() actor: Actor, @Param('contractId') contractId: string) {
    return this.queries.copies(actor, contractId);
  }
}
