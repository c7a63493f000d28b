import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';
import {
  customerPreferencesProjection,
  serviceLadderProjection,
  shirkingFindingProjection,
  ticketExpectationProjection,
} from './ladder.projections';
import { LadderQueries } from './ladder.queries';
import { CustomerPreferencesSchema, ServiceLadderSchema, ShirkingFindingSchema, TicketExpectationSchema } from './ladder.schemas';

export class LadderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'true: on-site arrivals after the deadline; false: on time' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  breached?: boolean;
}

export class ShirkingFindingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the findings against this staff id' }) @IsOptional() @IsString() staff?: string;
}

const notFound = (message: string) => new NotFoundException({ statusCode: 404, error: 'not-found', message });

/** Who may read disciplinary findings: the supervisors of SD-6 and HR, which receives them. */
const FINDING_READERS = ['general-manager', 'business-dept', 'office', 'hr-manager'] as const;

const TICKET_ID = ApiParam({ name: 'ticketId', description: 'The ticket id' });

@ApiTags('service-desk queries')
@ApiQueryErrors()
@Controller('service-desk')
export class LadderQueryController {
  private readonly queries: LadderQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new LadderQueries(store);
  }

  @Get('service-ladders')
  @Roles(...ANY_STAFF)
  @ReadsFrom(serviceLadderProjection.name)
  @ApiOperation({ summary: 'SD-8 service ladders; breached=true lists on-site arrivals after the deadline' })
  @ApiOkPagedResponse(ServiceLadderSchema)
  async ladders(@Query() q: LadderListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.ladders({ breached: q.breached, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('service-ladders/:ticketId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(serviceLadderProjection.name)
  @TICKET_ID
  @ApiOperation({ summary: "SD-8 a ticket's ladder: stage, customer authorization, dispatch deadline, arrival, breach" })
  @ApiOkResponse({ type: ServiceLadderSchema })
  async ladder(@Param('ticketId') ticketId: string) {
    const ladder = await this.queries.ladder(ticketId);
    if (!ladder) throw notFound(`no service ladder for ticket ${ticketId}`);
    return ladder;
  }

  @Get('shirking-findings')
  @Roles(...FINDING_READERS)
  @ReadsFrom(shirkingFindingProjection.name)
  @ApiOperation({ summary: 'SD-6 shirking findings, newest first, optionally for one staff member (staff=<staffId>)' })
  @ApiOkPagedResponse(ShirkingFindingSchema)
  async shirkingFindings(@Query() q: ShirkingFindingsQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.shirkingFindings({ staffId: q.staff, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('customers/:customerId/preferences')
  @Roles(...ANY_STAFF)
  @ReadsFrom(customerPreferencesProjection.name)
  @ApiParam({ name: 'customerId', description: 'The customer id' })
  @ApiOperation({ summary: "SD-17 the preferences on a customer's profile (none recorded: an empty list)" })
  @ApiOkResponse({ type: CustomerPreferencesSchema })
  async preferences(@Param('customerId') customerId: string) {
    return (await this.queries.customerPreferences(customerId)) ?? { customerId, preferences: [] };
  }

  @Get('ticket-expectations/:ticketId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(ticketExpectationProjection.name)
  @TICKET_ID
  @ApiOperation({ summary: "SD-17 a ticket's unmet expectation and its improvement analysis" })
  @ApiOkResponse({ type: TicketExpectationSchema })
  async expectation(@Param('ticketId') ticketId: string) {
    const expectation = await this.queries.ticketExpectation(ticketId);
    if (!expectation) throw notFound(`no unmet expectation recorded for ticket ${ticketId}`);
    return expectation;
  }

  @Get('tickets-awaiting-improvement-analysis')
  @Roles(...ANY_STAFF)
  @ReadsFrom(ticketExpectationProjection.name)
  @ApiOperation({ summary: 'SD-17 tickets with an unmet expectation and no improvement analysis yet (must not close), oldest first' })
  @ApiOkPagedResponse(TicketExpectationSchema)
  async awaitingAnalysis(@Query() q: PageQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.awaitingImprovementAnalysis(p.skip, p.limit);
    return paged(q, result.total, result.items);
  }
}
