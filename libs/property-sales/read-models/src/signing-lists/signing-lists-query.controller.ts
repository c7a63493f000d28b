import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { CODE_PATTERN } from '@ebp/property-sales-domain';
import { psAgencyMembersProjection } from '../registry/registry.projection';
import { PS_ROLES } from '../shared/access';
import { DATE_MESSAGE, DATE_PATTERN } from '../shared/params';
import { SalesAsOfQueryDto } from '../shared/query.dto';
import { PsSigningListQueries } from './signing-lists.queries';
import { psSigningListsProjection } from './signing-lists.projection';
import { PsSigningListsSchema } from './signing-lists.schemas';

export class SigningListsQueryDto extends SalesAsOfQueryDto {
  @ApiProperty({ type: String, pattern: CODE_PATTERN.source, example: 'lakeside' })
  @Matches(CODE_PATTERN, { message: 'projectId must be 1–32 letters, digits, _ or -' })
  projectId!: string;

  @ApiProperty({ type: String, format: 'date', pattern: DATE_PATTERN.source, example: '2026-03-03', description: 'The signing day' })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  date!: string;
}

@ApiTags('property-sales queries')
@ApiQueryErrors()
@Controller('property-sales')
export class PsSigningListsQueryController {
  private readonly queries: PsSigningListQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new PsSigningListQueries(store);
  }

  @Get('signing-lists')
  @Roles(...PS_ROLES)
  @ReadsFrom(psSigningListsProjection.name, psAgencyMembersProjection.name)
  @ApiOperation({ summary: "PS-6 the signing lists of a project's signing day with their versions and late flags (due 17:00 the day before): the developer's people all agencies, an agency's people their own" })
  @ApiOkResponse({ type: PsSigningListsSchema })
  lists(@CurrentActor() actor: Actor, @Query() q: SigningListsQueryDto) {
    return this.queries.ofDay(actor, q.projectId, q.date, q.asOf ?? this.clock.now());
  }
}
