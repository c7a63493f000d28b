import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { CODE_PATTERN } from '@ebp/property-sales-domain';
import { psAgencyMembersProjection } from '../registry/registry.projection';
import { PS_ROLES } from '../shared/access';
import { ID_MESSAGE, ID_PATTERN } from '../shared/params';
import { SalesAsOfQueryDto } from '../shared/query.dto';
import { PsSubscriptionQueries, SUBSCRIPTION_FLAGS, type SubscriptionFlag } from './subscriptions.queries';
import { psSubscriptionsProjection } from './subscriptions.projection';
import { PsFlaggedSubscriptionsSchema, PsFollowUpsSchema } from './subscriptions.schemas';

export class FlaggedSubscriptionsQueryDto extends SalesAsOfQueryDto {
  @ApiPropertyOptional({ enum: SUBSCRIPTION_FLAGS, description: 'Only this flag; both when absent' })
  @IsOptional()
  @IsIn(SUBSCRIPTION_FLAGS)
  flag?: SubscriptionFlag;

  @ApiPropertyOptional({ type: String, pattern: CODE_PATTERN.source })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'projectId must be 1–32 letters, digits, _ or -' })
  projectId?: string;
}

export class FollowUpsQueryDto extends SalesAsOfQueryDto {
  @ApiPropertyOptional({ type: String, pattern: ID_PATTERN.source, description: 'One salesperson (a salesperson: themselves only, the default)' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `salespersonId ${ID_MESSAGE}` })
  salespersonId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only the overdue ones (target signing date passed without a contract)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';
}

const SOURCES = [psSubscriptionsProjection.name, psAgencyMembersProjection.name];

@ApiTags('property-sales queries')
@ApiQueryErrors()
@Controller('property-sales')
export class PsSubscriptionsQueryController {
  private readonly queries: PsSubscriptionQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new PsSubscriptionQueries(store);
  }

  @Get('subscriptions')
  @Roles(...PS_ROLES)
  @ReadsFrom(...SOURCES)
  @ApiOperation({
    summary:
      "PS-4 signed subscriptions not exported to the ERP (?flag=not-exported) or not handed to the site manager (?flag=not-handed-over) by the end of their signing day (Asia/Shanghai), judged as of ?asOf (default now); an agency's people their own agency's",
  })
  @ApiOkResponse({ type: PsFlaggedSubscriptionsSchema })
  flagged(@CurrentActor() actor: Actor, @Query() q: FlaggedSubscriptionsQueryDto) {
    return this.queries.flagged(actor, { flag: q.flag, projectId: q.projectId, asOf: q.asOf ?? this.clock.now() });
  }

  @Get('follow-ups')
  @Roles(...PS_ROLES)
  @ReadsFrom(...SOURCES)
  @ApiOperation({
    summary:
      'PS-5 follow-ups as of ?asOf: target signing date, mortgage documents missing, overdue (?overdue=true: only those past the target date without a contract); a salesperson their own, an agency supervisor their agency, the developer all (or ?salespersonId)',
  })
  @ApiOkResponse({ type: PsFollowUpsSchema })
  followUps(@CurrentActor() actor: Actor, @Query() q: FollowUpsQueryDto) {
    return this.queries.followUps(actor, { salespersonId: q.salespersonId, overdue: q.overdue === 'true', asOf: q.asOf ?? this.clock.now() });
  }
}
