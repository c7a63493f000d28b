import { BadRequestException, Controller, Get, Header, Inject, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';

import { isCalendarDate, shanghaiDate } from '@ebp/shared-kernel';
import { customerDirectoryProjection } from '../directory/directory.projections';
import { ApiOkText } from '@ebp/shared-nest';
import { callbackFileProjection } from './callback-file.projection';
import { CallbacksQueries, callbacksCsv, type ListedCallbackStatus } from './callbacks.queries';
import { callbacksHtml } from './callbacks.html';
import { CallbackListSchema, CallbackScheduleSchema, LISTED_STATUSES, NeedsCampaignReportSchema } from './callbacks.schemas';
import { needsCampaignProjection } from './needs-campaign.projection';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class AsOfDateQueryDto {
  @ApiPropertyOptional({
    type: String,
    pattern: DATE_OR_INSTANT.source,
    description: 'A calendar date (YYYY-MM-DD) or an ISO 8601 instant with offset, counted by its Asia/Shanghai date; defaults to today',
    example: '2026-03-02',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'asOf must be YYYY-MM-DD or an ISO date-time with offset' })
  asOf?: string;
}

export class CallbackListQueryDto extends AsOfDateQueryDto {
  @ApiPropertyOptional({ enum: LISTED_STATUSES, description: 'Only due or only overdue windows; omitted → both' })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: ListedCallbackStatus;
}

@ApiTags('service-desk callbacks')
@ApiQueryErrors()
@Controller('service-desk')
export class CallbacksQueryController {
  private readonly queries: CallbacksQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new CallbacksQueries(store);
  }

  @Get('callbacks')
  @Roles(...ANY_STAFF)
  @ReadsFrom(callbackFileProjection.name)
  @ApiOperation({ summary: 'SD-11 callback windows due and/or overdue across delivered projects, as of a date' })
  @ApiOkResponse({ type: CallbackListSchema })
  async list(@Query() q: CallbackListQueryDto) {
    const asOf = this.asOfDate(q.asOf);
    const items = await this.queries.list(asOf, this.statuses(q));
    return { asOf, total: items.length, items };
  }

  @Get('callbacks.csv')
  @Roles(...ANY_STAFF)
  @ReadsFrom(callbackFileProjection.name)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'SD-11 the callback list (due and overdue) as CSV, as of a date' })
  @ApiOkText('text/csv', 'UTF-8 CSV with a header row, one row per window, CRLF line ends')
  async csv(@Query() q: CallbackListQueryDto) {
    const asOf = this.asOfDate(q.asOf);
    return callbacksCsv(await this.queries.list(asOf, this.statuses(q)));
  }

  @Get('callbacks.html')
  @Roles(...ANY_STAFF)
  @ReadsFrom(callbackFileProjection.name)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'SD-11 the callback list (due and overdue) as a printable page, as of a date' })
  @ApiOkText('text/html', 'A printable HTML page, overdue windows first')
  async html(@Query() q: CallbackListQueryDto) {
    const asOf = this.asOfDate(q.asOf);
    return callbacksHtml(await this.queries.list(asOf, this.statuses(q)), asOf);
  }

  @Get('callbacks/projects/:projectId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(callbackFileProjection.name)
  @ApiParam({ name: 'projectId', description: 'A delivered project' })
  @ApiOperation({ summary: "SD-11 a delivered project's callback schedule with each window's status, as of a date" })
  @ApiOkResponse({ type: CallbackScheduleSchema })
  async schedule(@Param('projectId') projectId: string, @Query() q: AsOfDateQueryDto) {
    const schedule = await this.queries.schedule(projectId, this.asOfDate(q.asOf));
    if (!schedule) {
      throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `project ${projectId} has no callback file (not delivered)` });
    }
    return schedule;
  }

  @Get('needs-campaigns/:year')
  @Roles(...ANY_STAFF)
  @ReadsFrom(needsCampaignProjection.name, customerDirectoryProjection.name)
  @ApiParam({ name: 'year', type: 'integer', description: 'The campaign year (its December)', example: 2026 })
  @ApiOperation({ summary: 'SD-12 December needs campaign: every registered customer with gift sent / needs recorded' })
  @ApiOkResponse({ type: NeedsCampaignReportSchema })
  async campaign(@Param('year', ParseIntPipe) year: number) {
    return this.queries.campaign(year);
  }

  private statuses(q: CallbackListQueryDto): ListedCallbackStatus[] {
    return q.status ? [q.status] : LISTED_STATUSES;
  }

  /** An instant counts by its Asia/Shanghai date; a bad calendar date is a 400, not a silent roll-over. */
  private asOfDate(asOf: string | undefined): string {
    const date = asOf === undefined ? shanghaiDate(this.clock.now()) : asOf.length === 10 ? asOf : shanghaiDate(asOf);
    if (!isCalendarDate(date)) {
      throw new BadRequestException({ statusCode: 400, error: 'bad-request', message: `asOf ${asOf} is not a calendar date` });
    }
    return date;
  }
}
