import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, CLOCK, PageQueryDto, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';

import { shanghaiDate } from '@ebp/shared-kernel';
import { inspectionProjection, researchVisitProjection, satisfactionSurveyProjection } from './proactive.projections';
import { ProactiveQueries } from './proactive.queries';
import {
  InspectedProjectsSchema,
  ProjectInspectionsSchema,
  ResearchVisitSchema,
  SatisfactionStatsSchema,
  SatisfactionSurveySchema,
} from './proactive.schemas';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const VISIT_STATUSES = ['open', 'closed'] as const;

export class InspectionsQueryDto {
  @ApiPropertyOptional({ description: "One project's inspections; omitted → a summary per inspected project" })
  @IsOptional()
  @IsString()
  project?: string;
}

export class SatisfactionStatsQueryDto {
  @ApiProperty({ type: String, format: 'date', description: 'First survey date (Asia/Shanghai), inclusive' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ type: String, format: 'date', description: 'Last survey date, inclusive; not before from' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}

export class SurveyListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Customer id' }) @IsOptional() @IsString() customer?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Surveyed on or after (Asia/Shanghai date)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'Surveyed on or before (Asia/Shanghai date)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}

export class ResearchVisitListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Customer id' }) @IsOptional() @IsString() customer?: string;
  @ApiPropertyOptional({ enum: VISIT_STATUSES }) @IsOptional() @IsIn(VISIT_STATUSES) status?: (typeof VISIT_STATUSES)[number];
}

const isRealDate = (date: string): boolean => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

function requirePeriod(from: string, to: string): void {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isRealDate(value)) throw new DomainError('SD-16', `${field} ${value} is not a date`, 'invalid', field);
  }
  if (to < from) throw new DomainError('SD-16', `to ${to} is before from ${from}`, 'invalid', 'to');
}

@ApiTags('service-desk proactive')
@ApiQueryErrors()
@ApiExtraModels(ProjectInspectionsSchema, InspectedProjectsSchema)
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
  @ReadsFrom(inspectionProjection.name)
  @ApiOperation({ summary: "SD-16 quality inspections (巡检) of a project with the last inspection date and the policy's next due date" })
  @ApiOkResponse({
    description: 'With `project`: that project’s inspections; without: `{ items }`, a summary per inspected project',
    schema: { oneOf: [{ $ref: getSchemaPath(ProjectInspectionsSchema) }, { $ref: getSchemaPath(InspectedProjectsSchema) }] },
  })
  async inspections(@Query() q: InspectionsQueryDto) {
    const today = shanghaiDate(this.clock.now());
    if (q.project) return this.queries.inspectionsOf(q.project, today);
    return { items: await this.queries.inspectionsByProject(today) };
  }

  @Get('satisfaction-stats')
  @Roles(...ANY_STAFF)
  @ReadsFrom(satisfactionSurveyProjection.name)
  @ApiOperation({ summary: 'SD-16 satisfaction statistics per dimension (count, mean, min, max, distribution) for surveys dated from..to (inclusive)' })
  @ApiOkResponse({ type: SatisfactionStatsSchema })
  satisfactionStats(@Query() q: SatisfactionStatsQueryDto) {
    requirePeriod(q.from, q.to);
    return this.queries.satisfactionStats(q.from, q.to);
  }

  @Get('satisfaction-surveys')
  @Roles(...ANY_STAFF)
  @ReadsFrom(satisfactionSurveyProjection.name)
  @ApiOperation({ summary: 'SD-16 recorded satisfaction surveys, newest first, with their follow-up ticket' })
  @ApiOkPagedResponse(SatisfactionSurveySchema)
  async surveys(@Query() q: SurveyListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.surveys({ customerId: q.customer, from: q.from, to: q.to }, p.skip, p.limit);
    return paged(q, result.total, result.items);
  }

  @Get('research-visits')
  @Roles(...ANY_STAFF)
  @ReadsFrom(researchVisitProjection.name)
  @ApiOperation({ summary: 'SD-16 service research visits led by senior management, newest first' })
  @ApiOkPagedResponse(ResearchVisitSchema)
  async researchVisits(@Query() q: ResearchVisitListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.researchVisits({ customerId: q.customer, status: q.status }, p.skip, p.limit);
    return paged(q, result.total, result.items);
  }

  @Get('research-visits/:visitId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(researchVisitProjection.name)
  @ApiParam({ name: 'visitId', description: 'The research visit id' })
  @ApiOperation({ summary: 'SD-16 one research visit with its feedback, complaint tickets, summary and solution plan' })
  @ApiOkResponse({ type: ResearchVisitSchema })
  async researchVisit(@Param('visitId') visitId: string) {
    const visit = await this.queries.researchVisit(visitId);
    if (!visit) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `research visit ${visitId} does not exist` });
    return visit;
  }
}
