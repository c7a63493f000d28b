import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { READ_MODEL_STORE } from '@ebp/shared-nest';
import { PageDto } from '../service-desk-query.controller';
import { LadderQueries } from './ladder.queries';

export class LadderListQueryDto extends PageDto {
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() breached?: boolean;
}

export class ShirkingFindingsQueryDto extends PageDto {
  @IsOptional() @IsString() staff?: string;
}

function paging(q: PageDto) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { page, pageSize, skip: (page - 1) * pageSize, limit: pageSize };
}

const notFound = (message: string) => new NotFoundException({ statusCode: 404, error: 'not-found', message });

/** Who may read disciplinary findings: the supervisors of SD-6 and HR, which receives them. */
const FINDING_READERS = ['general-manager', 'business-dept', 'office', 'hr-manager'] as const;

@ApiTags('service-desk queries')
@ApiBearerAuth()
@Controller('service-desk')
export class LadderQueryController {
  private readonly queries: LadderQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new LadderQueries(store);
  }

  @Get('service-ladders')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-8 service ladders; breached=true lists on-site arrivals after the deadline' })
  async ladders(@Query() q: LadderListQueryDto) {
    const p = paging(q);
    return { page: p.page, pageSize: p.pageSize, ...(await this.queries.ladders({ breached: q.breached, skip: p.skip, limit: p.limit })) };
  }

  @Get('service-ladders/:ticketId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-8 a ticket's ladder: stage, customer authorization, dispatch deadline, arrival, breach" })
  async ladder(@Param('ticketId') ticketId: string) {
    const ladder = await this.queries.ladder(ticketId);
    if (!ladder) throw notFound(`no service ladder for ticket ${ticketId}`);
    return ladder;
  }

  @Get('shirking-findings')
  @Roles(...FINDING_READERS)
  @ApiOperation({ summary: 'SD-6 shirking findings, optionally for one staff member (staff=<staffId>)' })
  async shirkingFindings(@Query() q: ShirkingFindingsQueryDto) {
    const p = paging(q);
    return { page: p.page, pageSize: p.pageSize, ...(await this.queries.shirkingFindings({ staffId: q.staff, skip: p.skip, limit: p.limit })) };
  }

  @Get('customers/:customerId/preferences')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-17 the preferences on a customer's profile" })
  async preferences(@Param('customerId') customerId: string) {
    return (await this.queries.customerPreferences(customerId)) ?? { customerId, preferences: [] };
  }

  @Get('ticket-expectations/:ticketId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-17 a ticket's unmet expectation and its improvement analysis" })
  async expectation(@Param('ticketId') ticketId: string) {
    const expectation = await this.queries.ticketExpectation(ticketId);
    if (!expectation) throw notFound(`no unmet expectation recorded for ticket ${ticketId}`);
    return expectation;
  }

  @Get('tickets-awaiting-improvement-analysis')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-17 tickets with an unmet expectation and no improvement analysis yet (must not close)' })
  async awaitingAnalysis(@Query() q: PageDto) {
    const p = paging(q);
    return { page: p.page, pageSize: p.pageSize, ...(await this.queries.awaitingImprovementAnalysis(p.skip, p.limit)) };
  }
}
