import {
  CONDUCT_KINDS,
  CORRECTION_KINDS,
  LEAVE_KINDS,
  type AttendanceDay,
  type AttendanceSummary,
  type ConductKind,
  type CorrectionKind,
  type CorrectionRecord,
  type LeaveKind,
  type LeaveRecord,
} from '@ebp/hr-attendance-domain';
import { ApiBool, ApiDate, ApiDateList, ApiEnum, ApiEnumList, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiNumber, ApiText, ApiTextList } from '@ebp/shared-nest';
import { HrPersonSchema } from '../shared/person.schema';
import type {
  AttendanceSummaryRow,
  AttendanceSummaryView,
  ConductRow,
  ConductView,
  MissingReportsRow,
  MissingReportsView,
  StaffAttendanceView,
  ViolationRow,
  ViolationsView,
} from './attendance.queries';
import { REQUEST_STATUSES, type CorrectionView, type LeaveRequestView, type RequestStatus } from './requests.projection';

const CLEARED = ['late', 'absence'] as const;
const MONTH = { example: '2026-03', description: 'YYYY-MM (Asia/Shanghai)' };

export class HrAttendanceSummarySchema implements AttendanceSummary {
  @ApiInt({ minimum: 0, description: 'Working days of the month on the official calendar' }) workingDays!: number;
  @ApiInt({ minimum: 0 }) workingDaysEmployed!: number;
  @ApiInt({ minimum: 0 }) daysSignedIn!: number;
  @ApiInt({ minimum: 0, description: 'HR-2 late arrivals that stand (corrections cleared)' }) lates!: number;
  @ApiInt({ minimum: 0 }) absences!: number;
  @ApiInt({ minimum: 0 }) leaveDays!: number;
  @ApiInt({ minimum: 0 }) correctedDays!: number;
  @ApiInt({ minimum: 0, description: 'HR-5 working days ended without a daily report' }) missingReports!: number;
}

export class HrDayLeaveSchema {
  @ApiText() requestId!: string;
  @ApiText() kind!: string;
}

export class HrDayCorrectionSchema {
  @ApiText() correctionId!: string;
  @ApiText() kind!: string;
  @ApiText() reason!: string;
  @ApiText({ nullable: true }) approvedBy!: string | null;
}

export class HrAttendanceDaySchema implements AttendanceDay {
  @ApiDate() date!: string;
  @ApiBool({ description: 'On the official calendar (statutory holidays are not, make-up workdays are)' }) workingDay!: boolean;
  @ApiText({ nullable: true, description: 'The statutory holiday the day belongs to' }) holiday!: string | null;
  @ApiBool({ description: 'A Saturday or Sunday that is a working day (调休)' }) makeUpWorkday!: boolean;
  @ApiBool() employed!: boolean;
  @ApiBool({ description: "The day's working hours ended at asOf" }) ended!: boolean;
  @ApiInstant({ nullable: true }) signInAt!: string | null;
  @ApiInstant({ nullable: true }) signOutAt!: string | null;
  @ApiInt({ nullable: true, minimum: 1, description: 'HR-2: minutes late when the day counts as a late arrival' }) minutesLate!: number | null;
  @ApiInt({ nullable: true, minimum: 1, description: 'HR-3: order of the late arrival within the month' }) lateOrdinal!: number | null;
  @ApiBool({ description: 'HR-2: no sign-in on an ended working day without approved leave or correction' }) absent!: boolean;
  @ApiNested(HrDayLeaveSchema, { nullable: true }) leave!: HrDayLeaveSchema | null;
  @ApiNested(HrDayCorrectionSchema, { nullable: true }) correction!: HrDayCorrectionSchema | null;
  @ApiBool() reportSubmitted!: boolean;
  @ApiBool({ description: 'HR-5: a working day that ended without a daily report' }) reportMissing!: boolean;
  @ApiTextList({ description: 'The events behind the day' }) eventIds!: string[];
}

export class HrLeaveRecordSchema implements LeaveRecord {
  @ApiText() requestId!: string;
  @ApiDate() from!: string;
  @ApiDate() to!: string;
  @ApiDateList({ description: 'The working days of the employment the leave covers' }) workingDays!: string[];
  @ApiEnum(LEAVE_KINDS) kind!: LeaveKind;
  @ApiText() reason!: string;
  @ApiEnum(REQUEST_STATUSES) status!: RequestStatus;
  @ApiText({ nullable: true }) decidedBy!: string | null;
  @ApiTextList() eventIds!: string[];
}

export class HrCorrectionRecordSchema implements CorrectionRecord {
  @ApiText() correctionId!: string;
  @ApiDate() date!: string;
  @ApiEnum(CORRECTION_KINDS) kind!: CorrectionKind;
  @ApiText() reason!: string;
  @ApiText() requestedBy!: string;
  @ApiEnum(REQUEST_STATUSES) status!: RequestStatus;
  @ApiText({ nullable: true }) decidedBy!: string | null;
  @ApiEnumList(CLEARED) cleared!: ('late' | 'absence')[];
  @ApiTextList() eventIds!: string[];
}

export class HrViolationMarkSchema {
  @ApiDate({ description: 'The late arrival that reached the count' }) date!: string;
  @ApiInt({ minimum: 1 }) lateCount!: number;
  @ApiText({ nullable: true }) eventId!: string | null;
}

export class HrStaffAttendanceSchema implements StaffAttendanceView {
  @ApiText() staffId!: string;
  @ApiText(MONTH) month!: string;
  @ApiInstant({ description: 'The instant the days are judged at (now)' }) asOf!: string;
  @ApiNested(HrPersonSchema) person!: HrPersonSchema;
  @ApiNestedList(HrAttendanceDaySchema, { description: 'Every calendar day of the month' }) days!: HrAttendanceDaySchema[];
  @ApiNested(HrAttendanceSummarySchema) summary!: HrAttendanceSummarySchema;
  @ApiNestedList(HrLeaveRecordSchema) leaves!: HrLeaveRecordSchema[];
  @ApiNestedList(HrCorrectionRecordSchema) corrections!: HrCorrectionRecordSchema[];
  @ApiNested(HrViolationMarkSchema, { nullable: true, description: 'HR-3: raised when the lates reached the count' }) violation!: HrViolationMarkSchema | null;
}

export class HrAttendanceSummaryRowSchema extends HrPersonSchema implements AttendanceSummaryRow {
  @ApiNested(HrAttendanceSummarySchema) summary!: HrAttendanceSummarySchema;
  @ApiBool({ description: 'HR-3: a lateness violation was raised this month' }) violation!: boolean;
}

export class HrAttendanceSummaryListSchema implements AttendanceSummaryView {
  @ApiText(MONTH) month!: string;
  @ApiInstant() asOf!: string;
  @ApiText({ nullable: true }) department!: string | null;
  @ApiNestedList(HrAttendanceSummaryRowSchema, { description: 'Everyone employed in the month the caller may see, by staff id' }) items!: HrAttendanceSummaryRowSchema[];
}

export class HrViolationRowSchema extends HrPersonSchema implements ViolationRow {
  @ApiText(MONTH) month!: string;
  @ApiDate() date!: string;
  @ApiInt({ minimum: 1 }) lateCount!: number;
  @ApiText({ nullable: true, description: 'The LatenessViolationRaised event' }) eventId!: string | null;
}

export class HrViolationsSchema implements ViolationsView {
  @ApiText(MONTH) month!: string;
  @ApiNestedList(HrViolationRowSchema) items!: HrViolationRowSchema[];
}

export class HrMissingReportsRowSchema extends HrPersonSchema implements MissingReportsRow {
  @ApiDateList({ description: 'HR-5: working days ended without a daily report' }) dates!: string[];
}

export class HrMissingReportsSchema implements MissingReportsView {
  @ApiText(MONTH) month!: string;
  @ApiInstant() asOf!: string;
  @ApiNestedList(HrMissingReportsRowSchema, { description: 'People with at least one missing report' }) items!: HrMissingReportsRowSchema[];
  @ApiInt({ minimum: 0, description: 'Missing reports of all listed people' }) missingReports!: number;
}

export class HrConductRowSchema implements ConductRow {
  @ApiText() staffId!: string;
  @ApiText(MONTH) month!: string;
  @ApiText() recordId!: string;
  @ApiEnum(CONDUCT_KINDS) kind!: ConductKind;
  @ApiInstant() occurredAt!: string;
  @ApiText() description!: string;
  @ApiNumber({ nullable: true, description: 'Personal calls: minutes' }) callMinutes!: number | null;
  @ApiText({ nullable: true }) sanction!: string | null;
  @ApiInt({ nullable: true, minimum: 0, description: 'Penalty in fen (a payslip line when > 0)' }) penaltyFen!: number | null;
  @ApiEnum(['service-desk', 'hr']) source!: 'service-desk' | 'hr';
  @ApiText({ nullable: true, description: 'SD-6 shirking finding' }) findingId!: string | null;
  @ApiText({ nullable: true }) eventId!: string | null;
}

export class HrConductSchema implements ConductView {
  @ApiText({ nullable: true }) staffId!: string | null;
  @ApiText({ nullable: true, ...MONTH }) month!: string | null;
  @ApiNestedList(HrConductRowSchema, { description: 'Oldest first' }) items!: HrConductRowSchema[];
}

export class HrLeaveRequestSchema implements LeaveRequestView {
  @ApiText({ description: '<YYYY-MM>.<staffId>.<8 hex>' }) requestId!: string;
  @ApiText() staffId!: string;
  @ApiText(MONTH) month!: string;
  @ApiDate() from!: string;
  @ApiDate() to!: string;
  @ApiDateList() workingDays!: string[];
  @ApiEnum(LEAVE_KINDS) kind!: LeaveKind;
  @ApiText() reason!: string;
  @ApiEnum(REQUEST_STATUSES) status!: RequestStatus;
  @ApiInstant() requestedAt!: string;
  @ApiText({ nullable: true }) decidedBy!: string | null;
  @ApiInstant({ nullable: true }) decidedAt!: string | null;
  @ApiText({ nullable: true, description: 'A rejection reason' }) decisionReason!: string | null;
  @ApiTextList() eventIds!: string[];
}

export class HrCorrectionSchema implements CorrectionView {
  @ApiText({ description: '<YYYY-MM>.<staffId>.<8 hex>' }) correctionId!: string;
  @ApiText() staffId!: string;
  @ApiText(MONTH) month!: string;
  @ApiDate() date!: string;
  @ApiEnum(CORRECTION_KINDS) kind!: CorrectionKind;
  @ApiText() reason!: string;
  @ApiText() requestedBy!: string;
  @ApiEnum(REQUEST_STATUSES) status!: RequestStatus;
  @ApiInstant() requestedAt!: string;
  @ApiText({ nullable: true }) decidedBy!: string | null;
  @ApiInstant({ nullable: true }) decidedAt!: string | null;
  @ApiText({ nullable: true }) decisionReason!: string | null;
  @ApiEnumList(CLEARED) cleared!: ('late' | 'absence')[];
  @ApiTextList() eventIds!: string[];
}
