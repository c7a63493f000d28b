import { DomainError, type Condition, type ReadModelStore } from '@ebp/shared-eventsourcing';
import {
  attendanceDays,
  attendanceSummary,
  initialStaffMonthState,
  type AttendanceDay,
  type AttendanceSummary,
  type ConductEntry,
  type CorrectionRecord,
  type LeaveRecord,
  type StaffMonthState,
} from '@ebp/hr-attendance-domain';
import { HrEmployeeQueries } from '../employees/employees.queries';
import { HrAccess, inScope, type HrReader, type HrScope } from '../shared/access';
import { requireMonth, requireStaffId } from '../shared/params';
import { personOf, type HrPersonRef } from '../shared/person';
import { CORRECTIONS_COLLECTION, LEAVE_REQUESTS_COLLECTION, type CorrectionView, type LeaveRequestView, type RequestStatus } from './requests.projection';
import { StaffMonthReads } from './staff-months.reads';

/** HR-2 / HR-3 / HR-5: one person's month, every day judged as of `asOf`. */
export interface StaffAttendanceView {
  staffId: string;
  month: string;
  asOf: string;
  person: HrPersonRef;
  days: AttendanceDay[];
  summary: AttendanceSummary;
  leaves: LeaveRecord[];
  corrections: CorrectionRecord[];
  /** HR-3: the late arrival that reached the month's violation count. */
  violation: { date: string; lateCount: number; eventId: string | null } | null;
}

export interface AttendanceSummaryRow extends HrPersonRef {
  summary: AttendanceSummary;
  /** HR-3: a lateness violation was raised this month. */
  violation: boolean;
}

export interface AttendanceSummaryView {
  month: string;
  asOf: string;
  department: string | null;
  items: AttendanceSummaryRow[];
}

export interface ViolationRow extends HrPersonRef {
  month: string;
  date: string;
  lateCount: number;
  eventId: string | null;
}

export interface ViolationsView {
  month: string;
  items: ViolationRow[];
}

export interface MissingReportsRow extends HrPersonRef {
  /** HR-5: working days that ended without a daily report. */
  dates: string[];
}

export interface MissingReportsView {
  month: string;
  asOf: string;
  /** People with at least one missing report. */
  items: MissingReportsRow[];
  missingReports: number;
}

export interface ConductRow extends ConductEntry {
  staffId: string;
  month: string;
}

export interface ConductView {
  staffId: string | null;
  month: string | null;
  items: ConductRow[];
}

export interface RequestListFilter {
  status?: RequestStatus;
  month?: string;
  staffId?: string;
  skip: number;
  limit: number;
}

/** HR's attendance views with the access rules of docs/rules/hr-attendance.md. */
export class HrAttendanceQueries {
  private readonly access: HrAccess;
  private readonly staffMonths: StaffMonthReads;

  constructor(private readonly store: ReadModelStore) {
    this.access = new HrAccess(new HrEmployeeQueries(store));
    this.staffMonths = new StaffMonthReads(store);
  }

  /** HR-2: days, summary, leave, corrections and violation of one month (the person, their manager, hr-manager). */
  async staffAttendance(reader: HrReader, staffId: string, month: string, asOf: string): Promise<StaffAttendanceView> {
    requireStaffId(staffId, 'HR-2');
    requireMonth(month, 'HR-2');
    const employee = await this.access.person(reader, staffId, 'HR-2', 'attendance');
    if (!employee) throw new DomainError('HR-1', `staff member ${staffId} has no employment record`, 'not-found', 'staffId');
    const state = await this.staffMonths.get(month, staffId);
    const days = attendanceDays(state, employee, month, asOf);
    return {
      staffId,
      month,
      asOf,
      person: personOf(employee),
      days,
      summary: attendanceSummary(days),
      leaves: state.leaves,
      corrections: state.corrections,
      violation: state.violation,
    };
  }

  /** HR-2: the month's summary per person employed in it (hr-manager: everyone, a manager: their team). */
  async summaries(reader: HrReader, month: string, asOf: string, department?: string): Promise<AttendanceSummaryView> {
    requireMonth(month, 'HR-2');
    const scope = await this.access.scope(reader, 'HR-2', 'attendance summaries', { self: false });
    const employees = await this.access.employedIn(scope, month, department);
    const states = await this.staffMonths.ofMonth(month);
    const items = employees.map((e) => {
      const state = states.get(e.staffId) ?? initialStaffMonthState();
      return { ...personOf(e), summary: attendanceSummary(attendanceDays(state, e, month, asOf)), violation: state.violation !== null };
    });
    return { month, asOf, department: department ?? null, items };
  }

  /** HR-3: staff months with a raised lateness violation (hr-manager: all, a manager: their team). */
  async violations(reader: HrReader, month: string): Promise<ViolationsView> {
    requireMonth(month, 'HR-3');
    const scope = await this.access.scope(reader, 'HR-3', 'lateness violations', { self: false });
    const states = [...(await this.staffMonths.ofMonth(month)).values()].filter((s) => s.violation !== null && inScope(scope, s.staffId!));
    const records = new Map((await this.access.records(states.map((s) => s.staffId!))).map((e) => [e.staffId, e]));
    const items = states.flatMap((s): ViolationRow[] => {
      const employee = records.get(s.staffId!);
      return employee ? [{ ...personOf(employee), month, date: s.violation!.date, lateCount: s.violation!.lateCount, eventId: s.violation!.eventId }] : [];
    });
    return { month, items };
  }

  /** HR-5: working days of the month that ended (as of `asOf`) without a daily report. */
  async missingReports(reader: HrReader, month: string, asOf: string): Promise<MissingReportsView> {
    requireMonth(month, 'HR-5');
    const scope = await this.access.scope(reader, 'HR-5', 'missing daily reports', { self: false });
    const employees = await this.access.employedIn(scope, month);
    const states = await this.staffMonths.ofMonth(month);
    const items = employees
      .map((e) => ({ ...personOf(e), dates: attendanceDays(states.get(e.staffId) ?? initialStaffMonthState(), e, month, asOf).filter((d) => d.reportMissing).map((d) => d.date) }))
      .filter((row) => row.dates.length > 0);
    return { month, asOf, items, missingReports: items.reduce((n, row) => n + row.dates.length, 0) };
  }

  /**
   * HR-7: conduct records of one person (the person, their manager, hr-manager), or of a month for
   * everyone the reader may see (hr-manager must name a staff id or a month).
   */
  async conduct(reader: HrReader, filter: { staffId?: string; month?: string }): Promise<ConductView> {
    const { staffId, month } = filter;
    if (month !== undefined) requireMonth(month, 'HR-7');
    let states: StaffMonthState[];
    if (staffId !== undefined) {
      requireStaffId(staffId, 'HR-7');
      await this.access.person(reader, staffId, 'HR-7', 'conduct records');
      states = await this.staffMonths.ofStaff(staffId, { month });
    } else {
      const scope = await this.access.scope(reader, 'HR-7', 'conduct records', { self: true });
      if (scope.all) {
        if (month === undefined) throw new DomainError('HR-7', 'name a staffId or a month', 'invalid', 'month');
        states = [...(await this.staffMonths.ofMonth(month)).values()];
      } else {
        states = await this.staffMonths.ofStaffIds(scope.staffIds, month);
      }
    }
    const items = states
      .flatMap((s) => s.conduct.map((c) => ({ ...c, staffId: s.staffId!, month: s.month! })))
      .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.staffId.localeCompare(b.staffId));
    return { staffId: staffId ?? null, month: month ?? null, items };
  }

  /** HR-2: leave requests (own, the team's; hr-manager all), oldest request first. */
  async leaveRequests(reader: HrReader, filter: RequestListFilter): Promise<{ total: number; items: LeaveRequestView[] }> {
    return this.requests<LeaveRequestView>(LEAVE_REQUESTS_COLLECTION, reader, filter, 'leave requests');
  }

  /** HR-2: attendance corrections (own, the team's; hr-manager all), oldest request first. */
  async corrections(reader: HrReader, filter: RequestListFilter): Promise<{ total: number; items: CorrectionView[] }> {
    return this.requests<CorrectionView>(CORRECTIONS_COLLECTION, reader, filter, 'attendance corrections');
  }

  private async requests<T>(collection: string, reader: HrReader, filter: RequestListFilter, what: string): Promise<{ total: number; items: T[] }> {
    const where: Record<string, Condition> = {};
    if (filter.status) where['status'] = filter.status;
    if (filter.month !== undefined) where['month'] = requireMonth(filter.month, 'HR-2');
    if (filter.staffId !== undefined) {
      await this.access.person(reader, requireStaffId(filter.staffId, 'HR-2'), 'HR-2', what);
      where['staffId'] = filter.staffId;
    } else {
      const scope: HrScope = await this.access.scope(reader, 'HR-2', what, { self: true });
      if (!scope.all) where['staffId'] = { $in: scope.staffIds };
    }
    return this.store.find<T>(collection, { where, sort: [{ field: 'requestedAt', direction: 'asc' }], skip: filter.skip, limit: filter.limit });
  }
}
