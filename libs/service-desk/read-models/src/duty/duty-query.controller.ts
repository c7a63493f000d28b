import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { CLOCK, READ_MODEL_STORE, type Clock } from '@ebp/shared-nest';
import { addDays, isRealDate } from '@ebp/service-desk-domain';
import { DutyQueries } from './duty.queries';

const WEEK = /^\d{4}-W\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_ROSTER_DAYS = 366;

/** Who reviews weekly reports at the Friday meeting (SD-10), besides the authors themselves. */
export const WEEKLY_REPORT_READERS = ['technical-service', 'business-dept', 'general-manager', 'office'] as const;

export class WeeklyReportComplianceQueryDto {
  @Matches(WEEK, { message: 'week must be an ISO week like 2026-W10' }) week!: string;
  /** Instant the compliance is judged at; defaults to now. */
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
}

export class HolidayRosterQueryDto {
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to!: string;
}

function requireRange(from: string, to: string): void {
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isRealDate(value)) throw new DomainError('SD-15', `${field} ${value} is not a date`, 'invalid', field);
  }
  if (to < from) throw new DomainError('SD-15', `to ${to} is before from ${from}`, 'invalid', 'to');
  if (addDays(from, MAX_ROSTER_DAYS) <= to) throw new DomainError('SD-15', `a roster view spans at most ${MAX_ROSTER_DAYS} days`, 'invalid', 'to');
}

@ApiTags('service-desk duty')
@ApiBearerAuth()
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
  @ApiOperation({ summary: 'SD-10 weekly report compliance of an ISO week: every technical-service member on-time / late / missing / pending' })
  weeklyReports(@Query() q: WeeklyReportComplianceQueryDto) {
    return this.queries.weeklyReportCompliance(q.week, q.asOf ?? this.clock.now());
  }

  @Get('weekly-reports/:week/:staffId')
  @Roles(...WEEKLY_REPORT_READERS)
  @ApiOperation({ summary: 'SD-10 one weekly report with every submitted version' })
  async weeklyReport(@Param('week') week: string, @Param('staffId') staffId: string) {
    const report = await this.queries.weeklyReport(staffId, week);
    if (!report) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `no weekly report of ${staffId} for ${week}` });
    return report;
  }

  @Get('holiday-duty')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-15 holiday duty roster: statutory holiday days with staff on duty, monitoring checks and uncovered days' })
  holidayDuty(@Query() q: HolidayRosterQueryDto) {
    requireRange(q.from, q.to);
    return this.queries.holidayRoster(q.from, q.to);
  }
}
