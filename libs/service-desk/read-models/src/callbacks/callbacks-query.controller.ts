import { BadRequestException, Controller, Get, Header, Inject, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { CLOCK, READ_MODEL_STORE, type Clock } from '@ebp/shared-nest';
import { isCalendarDate, shanghaiDate } from '@ebp/service-desk-domain';
import { CallbacksQueries, callbacksCsv, type ListedCallbackStatus } from './callbacks.queries';
import { callbacksHtml } from './callbacks.html';

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const LISTED: ListedCallbackStatus[] = ['due', 'overdue'];

export class AsOfDateQueryDto {
  /** A calendar date (YYYY-MM-DD) or an instant with offset; defaults to today (Asia/Shanghai). */
  @IsOptional() @Matches(DATE_OR_INSTANT, { message: 'asOf must be YYYY-MM-DD or an ISO date-time with offset' }) asOf?: string;
}

export class CallbackListQueryDto extends AsOfDateQueryDto {
  @IsOptional() @IsIn(LISTED) status?: ListedCallbackStatus;
}

@ApiTags('service-desk callbacks')
@ApiBearerAuth()
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
  @ApiOperation({ summary: 'SD-11 callback windows due and/or overdue across delivered projects, as of a date' })
  async list(@Query() q: CallbackListQueryDto) {
    const asOf = this.asOfDate(q.asOf);
    const items = await this.queries.list(asOf, q.status ? [q.status] : LISTED);
    return { asOf, total: items.length, items };
  }

  @Get('callbacks.csv')
  @Roles(...ANY_STAFF)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'SD-11 the callback list (due and overdue) as CSV, as of a date' })
  async csv(@Query() q: CallbackListQueryDto) {
    const asOf = this.asOfDate(q.asOf);
    return callbacksCsv(await this.queries.list(asOf, q.status ? [q.status] : LISTED));
  }

  @Get('callbacks.html')
  @Roles(...ANY_STAFF)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'SD-11 the callback list (due and overdue) as a printable page, as of a date' })
  async html(@Query() q: CallbackListQueryDto) {
    const asOf = this.asOfDate(q.asOf);
    return callbacksHtml(await this.queries.list(asOf, q.status ? [q.status] : LISTED), asOf);
  }

  @Get('callbacks/projects/:projectId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-11 a delivered project's callback schedule with each window's status, as of a date" })
  async schedule(@Param('projectId') projectId: string, @Query() q: AsOfDateQueryDto) {
    const schedule = await this.queries.schedule(projectId, this.asOfDate(q.asOf));
    if (!schedule) {
      throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `project ${projectId} has no callback file (not delivered)` });
    }
    return schedule;
  }

  @Get('needs-campaigns/:year')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-12 December needs campaign: every registered customer with gift sent / needs recorded' })
  async campaign(@Param('year', ParseIntPipe) year: number) {
    return this.queries.campaign(year);
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
