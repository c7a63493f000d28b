import { MONITORING_OUTCOMES, type MonitoringOutcome } from '@ebp/service-desk-domain';
import {
  ApiBool,
  ApiDate,
  ApiDateList,
  ApiEnum,
  ApiInstant,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiText,
  membersOf,
} from '@ebp/shared-nest';
import type {
  HolidayRosterDay,
  HolidayRosterView,
  WeeklyReportCompliance,
  WeeklyReportComplianceRow,
  WeeklyReportComplianceView,
} from './duty.queries';
import type { DutyAssignmentView, MonitoringCheckView } from './holiday-duty.projection';
import type { WeeklyReportVersionView, WeeklyReportView } from './weekly-report.projection';

const COMPLIANCE = membersOf<WeeklyReportCompliance>({ 'on-time': true, late: true, missing: true, pending: true });
const ISO_WEEK = { example: '2026-W10', description: 'ISO week' };

export class WeeklyReportComplianceRowSchema implements WeeklyReportComplianceRow {
  @ApiText() staffId!: string;
  @ApiText() name!: string;
  @ApiEnum(COMPLIANCE, { description: '`pending`: nothing submitted yet and the deadline is still ahead of asOf' }) status!: WeeklyReportCompliance;
  @ApiInstant({ nullable: true }) firstSubmittedAt!: string | null;
  @ApiInt({ minimum: 0, description: 'Versions submitted by asOf' }) versions!: number;
}

export class ComplianceCountsSchema implements Record<WeeklyReportCompliance, number> {
  @ApiInt({ minimum: 0 }) 'on-time'!: number;
  @ApiInt({ minimum: 0 }) late!: number;
  @ApiInt({ minimum: 0 }) missing!: number;
  @ApiInt({ minimum: 0 }) pending!: number;
}

export class WeeklyReportComplianceSchema implements WeeklyReportComplianceView {
  @ApiText(ISO_WEEK) week!: string;
  @ApiDate() monday!: string;
  @ApiDate() sunday!: string;
  @ApiInstant({ description: 'SD-10 submission deadline of the week' }) deadline!: string;
  @ApiInstant({ description: 'The instant compliance is judged at' }) asOf!: string;
  @ApiNested(ComplianceCountsSchema) counts!: ComplianceCountsSchema;
  @ApiNestedList(WeeklyReportComplianceRowSchema, { description: 'Every technical-service member' }) items!: WeeklyReportComplianceRowSchema[];
}

export class WeeklyReportVersionSchema implements WeeklyReportVersionView {
  @ApiInt({ minimum: 1 }) version!: number;
  @ApiInstant() submittedAt!: string;
  @ApiBool() late!: boolean;
  @ApiText() serviceSituation!: string;
  @ApiText() customerFeedback!: string;
}

export class WeeklyReportSchema implements WeeklyReportView {
  @ApiText() staffId!: string;
  @ApiText(ISO_WEEK) week!: string;
  @ApiInstant() deadline!: string;
  @ApiEnum(['on-time', 'late'], { description: 'From the first submission; revisions do not change it' }) status!: 'on-time' | 'late';
  @ApiInstant() firstSubmittedAt!: string;
  @ApiInstant() lastSubmittedAt!: string;
  @ApiNestedList(WeeklyReportVersionSchema, { description: 'Every submitted version, oldest first' }) versions!: WeeklyReportVersionSchema[];
}

export class DutyAssignmentSchema implements DutyAssignmentView {
  @ApiText() staffId!: string;
  @ApiText() assignedBy!: string;
  @ApiInstant() assignedAt!: string;
}

export class MonitoringCheckSchema implements MonitoringCheckView {
  @ApiText() checkId!: string;
  @ApiText() customerId!: string;
  @ApiText() target!: string;
  @ApiEnum(MONITORING_OUTCOMES) outcome!: MonitoringOutcome;
  @ApiText({ nullable: true }) description!: string | null;
  @ApiText() checkedBy!: string;
  @ApiInstant() checkedAt!: string;
  @ApiText({ nullable: true, description: 'SD-15: the ticket a problem opened; null when the check was ok' }) ticketId!: string | null;
}

export class HolidayRosterDaySchema implements HolidayRosterDay {
  @ApiDate() date!: string;
  @ApiText({ description: 'The statutory holiday', example: '春节' }) holiday!: string;
  @ApiNestedList(DutyAssignmentSchema) assigned!: DutyAssignmentSchema[];
  @ApiNestedList(MonitoringCheckSchema) checks!: MonitoringCheckSchema[];
  @ApiBool({ description: 'Someone is on duty' }) covered!: boolean;
}

export class HolidayRosterSchema implements HolidayRosterView {
  @ApiDate() from!: string;
  @ApiDate() to!: string;
  @ApiNestedList(HolidayRosterDaySchema, { description: 'Every statutory holiday day in [from, to]' }) days!: HolidayRosterDaySchema[];
  @ApiDateList({ description: 'SD-15: statutory holiday days nobody is on duty for' }) uncoveredDays!: string[];
}
