import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { CLOCK, READ_MODEL_STORE, type Clock } from '@ebp/shared-nest';
import { shanghaiDate } from '@ebp/service-desk-domain';
import { ProactiveQueries } from './proactive.queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

class ProactivePageDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class InspectionsQueryDto {
  /** One project's inspections; omitted → a summary per inspected project. */
  @IsOptional() @IsString() project?: string;
}

export class SatisfactionStatsQueryDto {
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to!: string;
}

export class SurveyListQueryDto extends ProactivePageDto {
  @IsOptional() @IsString() customer?: string;
  @IsOptional() @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from?: string;
  @IsOptional() @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to?: string;
}

export class ResearchVisitListQueryDto extends ProactivePageDto {
  @IsOptional() @IsString() customer?: string;
  @IsOptional() @IsIn(['open', 'closed']) status?: 'open' | 'closed';
}

const isRealDate = (date: string): boolean => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

function requirePeriod(from: string, to: string): void {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isRealDate(value)) throw new DomainError('SD-16', `${field} ${value} is not a date`, 'invalid', field);
  }
  if (to < from) throw new DomainError('SD-16', `to ${to} is before from ${from}`, 'invalid', 'to');
}

function paging(q: ProactivePageDto): { page: number; pageSize: number; skip: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { page, pageSize, skip: (page - 1) * pageSize };
}

@ApiTags('service-desk proactive')
@ApiBearerAuth()
@Controller('service-desk')
export class ProactiveQueryController {
  private readonly queries: ProactiveQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new ProactiveQueries(store);
  }

  @Get('inspections')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-16 quality inspections (巡检) of a project with the last inspection date and the policy's next due date" })
  async inspections(@Query() q: InspectionsQueryDto) {
    const today = shanghaiDate(this.clock.now());
    if (q.project) return this.queries.inspectionsOf(q.project, today);
    return { items: await this.queries.inspectionsByProject(today) };
  }

  @Get('satisfaction-stats')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-16 satisfaction statistics per dimension (count, mean, min, max, distribution) for surveys dated from..to (inclusive)' })
  satisfactionStats(@Query() q: SatisfactionStatsQueryDto) {
    requirePeriod(q.from, q.to);
    return this.queries.satisfactionStats(q.from, q.to);
  }

  @Get('satisfaction-surveys')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-16 recorded satisfaction surveys, newest first, with their follow-up ticket' })
  async surveys(@Query() q: SurveyListQueryDto) {
    const { page, pageSize, skip } = paging(q);
    const result = await this.queries.surveys({ customerId: q.customer, from: q.from, to: q.to }, skip, pageSize);
    return { ...result, page, pageSize };
  }

  @Get('research-visits')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-16 service research visits led by senior management, newest first' })
  async researchVisits(@Query() q: ResearchVisitListQueryDto) {
    const { page, pageSize, skip } = paging(q);
    const result = await this.queries.researchVisits({ customerId: q.customer, status: q.status }, skip, pageSize);
    return { ...result, page, pageSize };
  }

  @Get('research-visits/:visitId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-16 one research visit with its feedback, complaint tickets, summary and solution plan' })
  async researchVisit(@Param('visitId') visitId: string) {
    const visit = await this.queries.researchVisit(visitId);
    if (!visit) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `research visit ${visitId} does not exist` });
    return visit;
  }
}
