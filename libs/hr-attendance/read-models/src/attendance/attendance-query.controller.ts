import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, CLOCK, PageQueryDto, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { hrEmployeesProjection } from '../employees/employees.projection';
import { MONTH_MESSAGE, MONTH_PATTERN, STAFF_ID_MESSAGE, STAFF_ID_PATTERN, StaffMonthParams } from '../shared/params';
import { HrAttendanceQueries } from './attendance.queries';
import {
  HrAttendanceSummaryListSchema,
  HrConductSchema,
  HrCorrectionSchema,
  HrLeaveRequestSchema,
  HrMissingReportsSchema,
  HrStaffAttendanceSchema,
  HrViolationsSchema,
} from './attendance.schemas';
import { REQUEST_STATUSES, hrCorrectionsProjection, hrLeaveRequestsProjection, type RequestStatus } from './requests.projection';
import { hrStaffMonthsProjection } from './staff-month.projection';

const MONTH_DOC = { type: String, pattern: MONTH_PATTERN.source, example: '2026-03', description: 'Asia/Shanghai month, YYYY-MM' };
const STAFF_ID_DOC = { type: String, pattern: STAFF_ID_PATTERN.source, example: 'cs-li' };

export class MonthQueryDto {
  @ApiProperty(MONTH_DOC)
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month!: string;
}

export class AttendanceListQueryDto extends MonthQueryDto {
  @ApiPropertyOptional({ description: 'Only this department' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;
}

export class MissingReportsQueryDto extends MonthQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'The instant the days are judged at; defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class RequestListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES, description: 'e.g. requested: the ones still to decide' })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional(MONTH_DOC)
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;

  @ApiPropertyOptional({ ...STAFF_ID_DOC, description: 'Only this person (yourself, a direct report; hr-manager anyone)' })
  @IsOptional()
  @Matches(STAFF_ID_PATTERN, { message: STAFF_ID_MESSAGE })
  staffId?: string;
}

export class ConductQueryDto {
  @ApiPropertyOptional({ ...STAFF_ID_DOC, description: 'One person (yourself, a direct report; hr-manager anyone)' })
  @IsOptional()
  @Matches(STAFF_ID_PATTERN, { message: STAFF_ID_MESSAGE })
  staffId?: string;

  @ApiPropertyOptional({ ...MONTH_DOC, description: 'One month (hr-manager without staffId must give it)' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;
}

const STAFF_MONTH_SOURCES = [hrEmployeesProjection.name, hrStaffMonthsProjection.name];

@ApiTags('hr-attendance queries')
@ApiQueryErrors()
@Controller('hr-attendance')
export class HrAttendanceQueryController {
  private readonly queries: HrAttendanceQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new HrAttendanceQueries(store);
  }

  @Get('attendance/:staffId/:month')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...STAFF_MONTH_SOURCES)
  @StaffMonthParams()
  @ApiOperation({ summary: 'HR-2 one month of attendance as of now: every day (late, absent, leave, correction, report), summary, leave, corrections, HR-3 violation; the person, their manager or hr-manager' })
  @ApiOkResponse({ type: HrStaffAttendanceSchema })
  staffAttendance(@CurrentActor() actor: Actor, @Param('staffId') staffId: string, @Param('month') month: string) {
    return this.queries.staffAttendance(actor, staffId, month, this.clock.now());
  }

  @Get('attendance')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...STAFF_MONTH_SOURCES)
  @ApiOperation({ summary: 'HR-2 attendance summary per person employed in the month, as of now: hr-manager everyone (or ?department), a manager their team' })
  @ApiOkResponse({ type: HrAttendanceSummaryListSchema })
  summaries(@CurrentActor() actor: Actor, @Query() q: AttendanceListQueryDto) {
    return this.queries.summaries(actor, q.month, this.clock.now(), q.department);
  }

  @Get('violations')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...STAFF_MONTH_SOURCES)
  @ApiOperation({ summary: 'HR-3 lateness violations of a month (the late arrivals reached the count): hr-manager everyone, a manager their team' })
  @ApiOkResponse({ type: HrViolationsSchema })
  violations(@CurrentActor() actor: Actor, @Query() q: MonthQueryDto) {
    return this.queries.violations(actor, q.month);
  }

  @Get('daily-reports/missing')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...STAFF_MONTH_SOURCES)
  @ApiOperation({ summary: 'HR-5 working days that ended (as of asOf, default now) without a daily report: hr-manager everyone, a manager their team' })
  @ApiOkResponse({ type: HrMissingReportsSchema })
  missingReports(@CurrentActor() actor: Actor, @Query() q: MissingReportsQueryDto) {
    return this.queries.missingReports(actor, q.month, q.asOf ?? this.clock.now());
  }

  @Get('leave-requests')
  @Roles(...ANY_STAFF)
  @ReadsFrom(hrEmployeesProjection.name, hrLeaveRequestsProjection.name)
  @ApiOperation({ summary: 'HR-2 leave requests (?status=requested: the ones to decide): your own and your team\'s, hr-manager all; oldest first' })
  @ApiOkPagedResponse(HrLeaveRequestSchema)
  async leaveRequests(@CurrentActor() actor: Actor, @Query() q: RequestListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.leaveRequests(actor, { status: q.status, month: q.month, staffId: q.staffId, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('attendance-corrections')
  @Roles(...ANY_STAFF)
  @ReadsFrom(hrEmployeesProjection.name, hrCorrectionsProjection.name)
  @ApiOperation({ summary: 'HR-2 attendance corrections (?status=requested: the ones to decide): your own and your team\'s, hr-manager all; oldest first' })
  @ApiOkPagedResponse(HrCorrectionSchema)
  async corrections(@CurrentActor() actor: Actor, @Query() q: RequestListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.corrections(actor, { status: q.status, month: q.month, staffId: q.staffId, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('conduct')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...STAFF_MONTH_SOURCES)
  @ApiOperation({ summary: 'HR-7 conduct records with their penalties (the service desk\'s SD-6 findings included): your own, your team\'s, hr-manager all' })
  @ApiOkResponse({ type: HrConductSchema })
  conduct(@CurrentActor() actor: Actor, @Query() q: ConductQueryDto) {
    return this.queries.conduct(actor, { staffId: q.staffId, month: q.month });
  }
}
