import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';

import { addDays, isCalendarDate } from '@ebp/shared-kernel';
import { staffDirectoryProjection } from '../directory/directory.projections';
import { DutyQueries } from './duty.queries';
import { HolidayRosterSchema, WeeklyReportComplianceSchema, WeeklyReportSchema } from './duty.schemas';
import { holidayDutyProjection } from './holiday-duty.projection';
import { weeklyReportProjection } from './weekly-report.projection';

const WEEK = /^\d{4}-W\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ROSTER_DAYS = 366;

/** Who reviews weekly reports at the Friday meeting (SD-10), besides the authors themselves. */
export const WEEKLY_REPORT_READERS = ['technical-service', 'business-dept', 'general-manager', 'office'] as const;

export class WeeklyReportComplianceQueryDto {
  @ApiProperty({ type: String, pattern: WEEK.source, description: 'ISO week', example: '2026-W10' })
  @Matches(WEEK, { message: 'week must be an ISO week like 2026-W10' })
  week!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Instant the compliance is judged at; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class HolidayRosterQueryDto {
  @ApiProperty({ type: String, format: 'date', description: 'First day (YYYY-MM-DD)' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ type: String, format: 'date', description: `Last day, inclusive; the range spans at most ${MAX_ROSTER_DAYS} days` })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}

function requireRange(from: string, to: string): void {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isCalendarDate(value)) throw new DomainError('SD-15', `${field} ${value} is not a date`, 'invalid', field);
  }
  if (to < from) throw new DomainError('SD-15', `to ${to} is before from ${from}`, 'invalid', 'to');
  if (addDays(from, MAX_ROSTER_DAYS) <= to) throw new DomainError('SD-15', `a roster view spans at most ${MAX_ROSTER_DAYS} days`, 'invalid', 'to');
}

@ApiTags('service-desk duty')
@ApiQueryErrors()
@Controller('service-desk')
export class DutyQueryController {
  private readonly queries: DutyQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new DutyQueries(store);
  }

  @Get('weekly-reports')
  @Roles(...WEEKLY_REPORT_READERS)
  @ReadsFrom(weeklyReportProjection.name, staffDirectoryProjection.name)
  @ApiOperation({ summary: 'SD-10 weekly report compliance of an ISO week: every technical-service member on-time / late / missing / pending' })
  @ApiOkResponse({ type: WeeklyReportComplianceSchema })
  weeklyReports(@Query() q: WeeklyReportComplianceQueryDto) {
    return this.queries.weeklyReportCompliance(q.week, q.asOf ?? this.clock.now());
  }

  @Get('weekly-reports/:week/:staffId')
  @Roles(...WEEKLY_REPORT_READERS)
  @ReadsFrom(weeklyReportProjection.name)
  @ApiParam({ name: 'week', description: 'ISO week, e.g. 2026-W10', example: '2026-W10' })
  @ApiParam({ name: 'staffId', description: 'The author' })
  @ApiOperation({ summary: 'SD-10 one weekly report with every submitted version' })
  @ApiOkResponse({ type: WeeklyReportSchema })
  async weeklyReport(@Param('week') week: string, @Param('staffId') staffId: string) {
    const report = await this.queries.weeklyReport(staffId, week);
    if (!report) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `no weekly report of ${staffId} for ${week}` });
    return report;
  }

  @Get('holiday-duty')
  @Roles(...ANY_STAFF)
  @ReadsFrom(holidayDutyProjection.name)
  @ApiOperation({ summary: 'SD-15 holiday duty roster: statutory holiday days with staff on duty, monitoring checks and uncovered days' })
  @ApiOkResponse({ type: HolidayRosterSchema })
  holidayDuty(@Query() q: HolidayRosterQueryDto) {
    requireRange(q.from, q.to);
    return this.queries.holidayRoster(q.from, q.to);
  }
}
