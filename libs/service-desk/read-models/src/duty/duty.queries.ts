import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { WEEKLY_REPORT_DEPARTMENT, parseReportWeek, weeklyReportDeadline, type StaffMember } from '@ebp/service-desk-domain';
import { formatIsoWeek, isoWeekDates, statutoryHolidaysBetween } from '@ebp/shared-kernel';
import { DirectoryQueries } from '../directory/directory.queries';
import {
  HOLIDAY_DUTY_COLLECTION,
  type DutyAssignmentView,
  type HolidayDutyDayView,
  type MonitoringCheckView,
} from './holiday-duty.projection';
import { WEEKLY_REPORTS_COLLECTION, type WeeklyReportView } from './weekly-report.projection';

/** `pending`: nothing submitted yet and the deadline is still ahead of `asOf`. */
export type WeeklyReportCompliance = 'on-time' | 'late' | 'missing' | 'pending';

export interface WeeklyReportComplianceRow {
  staffId: string;
  name: string;
  status: WeeklyReportCompliance;
  firstSubmittedAt: string | null;
  versions: number;
}

export interface WeeklyReportComplianceView {
  week: string;
  monday: string;
  sunday: string;
  deadline: string;
  asOf: string;
  counts: Record<WeeklyReportCompliance, number>;
  items: WeeklyReportComplianceRow[];
}

export interface HolidayRosterDay {
  date: string;
  holiday: string;
  assigned: DutyAssignmentView[];
  checks: MonitoringCheckView[];
  covered: boolean;
}

export interface HolidayRosterView {
  from: string;
  to: string;
  days: HolidayRosterDay[];
  /** SD-15: statutory holiday days nobody is on duty for. */
  uncoveredDays: string[];
}

/** SD-10: who must file weekly reports — technical service by department or role. */
export const isTechnicalServiceStaff = (staff: Pick<StaffMember, 'department' | 'roles'>): boolean =>
  staff.department === WEEKLY_REPORT_DEPARTMENT || staff.roles.includes(WEEKLY_REPORT_DEPARTMENT);

/** Compliance of one staff member's report as it stood at `asOf` (later submissions not yet made). */
export function weeklyCompliance(report: WeeklyReportView | null, deadline: string, asOf: string): Omit<WeeklyReportComplianceRow, 'staffId' | 'name'> {
  const asOfMs = Date.parse(asOf);
  const versions = (report?.versions ?? []).filter((v) => Date.parse(v.submittedAt) <= asOfMs);
  const first = versions[0];
  if (first) return { status: first.late ? 'late' : 'on-time', firstSubmittedAt: first.submittedAt, versions: versions.length };
  return { status: asOfMs > Date.parse(deadline) ? 'missing' : 'pending', firstSubmittedAt: null, versions: 0 };
}

/** Read-side questions of SD-10 weekly reports and SD-15 holiday duty. */
export class DutyQueries {
  private readonly directory: DirectoryQueries;

  constructor(private readonly store: ReadModelStore) {
    this.directory = new DirectoryQueries(store);
  }

  async weeklyReportCompliance(weekText: string, asOf: string): Promise<WeeklyReportComplianceView> {
    const isoWeek = parseReportWeek(weekText);
    const week = formatIsoWeek(isoWeek);
    const deadline = weeklyReportDeadline(isoWeek);
    const staff = (await this.directory.staff()).filter(isTechnicalServiceStaff);
    const reports = await this.store.find<WeeklyReportView>(WEEKLY_REPORTS_COLLECTION, { where: { week }, limit: 10_000 });
    const byStaff = new Map(reports.items.map((r) => [r.staffId, r]));
    const items = staff.map((s) => ({ staffId: s.staffId, name: s.name, ...weeklyCompliance(byStaff.get(s.staffId) ?? null, deadline, asOf) }));
    const counts: Record<WeeklyReportCompliance, number> = { 'on-time': 0, late: 0, missing: 0, pending: 0 };
    for (const item of items) counts[item.status]++;
    return { week, ...isoWeekDates(isoWeek), deadline, asOf, counts, items };
  }

  async weeklyReport(staffId: string, weekText: string): Promise<WeeklyReportView | null> {
    const week = formatIsoWeek(parseReportWeek(weekText));
    return (await this.store.get<WeeklyReportView>(WEEKLY_REPORTS_COLLECTION, `${week}:${staffId}`))?.doc ?? null;
  }

  async holidayRoster(from: string, to: string): Promise<HolidayRosterView> {
    const holidays = statutoryHolidaysBetween(from, to);
    const stored = await this.store.getMany<HolidayDutyDayView>(HOLIDAY_DUTY_COLLECTION, holidays.map((h) => h.date));
    const days = holidays.map(({ date, name }) => {
      const doc = stored.get(date)?.doc;
      const assigned = doc?.assigned ?? [];
      return { date, holiday: name, assigned, checks: doc?.checks ?? [], covered: assigned.length > 0 };
    });
    return { from, to, days, uncoveredDays: days.filter((d) => !d.covered).map((d) => d.date) };
  }
}
