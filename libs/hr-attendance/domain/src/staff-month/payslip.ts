import { addDays, fen, firstDayOf, formatCny, inForce, isWorkingDay, lastDayOf, scaleFen, shanghaiDate, statutoryHolidayOn } from '@ebp/shared-kernel';
import { baseSalaryOn, employedOn, type Employee } from '../employee/employee.decider';
import { DEFAULT_HR_POLICIES, type HrPolicies } from '../shared/hr.policy';
import type { AdjustableKind, AttendanceSummary, PayslipLine, PayslipTotals } from './staff-month.events';
import { dayOf, type StaffMonthState } from './staff-month.state';

/** One calendar day of a staff member's month as HR-2 judges it. */
export interface AttendanceDay {
  date: string;
  /** On the official calendar: statutory holidays are not, make-up workdays (调休) are. */
  workingDay: boolean;
  /** The statutory holiday the day belongs to (Spring Festival, …), null otherwise. */
  holiday: string | null;
  /** A Saturday or Sunday that is a working day (调休). */
  makeUpWorkday: boolean;
  employed: boolean;
  /** The working day is over (its working hours ended) at the instant judged. */
  ended: boolean;
  signInAt: string | null;
  signOutAt: string | null;
  /** Minutes late, when the day counts as a late arrival (a correction clears it). */
  minutesLate: number | null;
  /** 1-based order of the late arrival within the month. */
  lateOrdinal: number | null;
  absent: boolean;
  leave: { requestId: string; kind: string } | null;
  correction: { correctionId: string; kind: string; reason: string; approvedBy: string | null } | null;
  reportSubmitted: boolean;
  /** HR-5: a working day that ended without a daily report (leave and absence days need none). */
  reportMissing: boolean;
  eventIds: string[];
}

const isWeekend = (date: string): boolean => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
};

function datesOf(month: string): string[] {
  const dates: string[] = [];
  for (let d = firstDayOf(month); d <= lastDayOf(month); d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** The working days of a month on the official calendar. */
export const workingDaysOf = (month: string): string[] => datesOf(month).filter(isWorkingDay);

function dayEnded(date: string, asOf: string, policies: HrPolicies): boolean {
  const { end } = inForce(policies.workingHours, date);
  return Date.parse(asOf) >= Date.parse(`${date}T${end}:00+08:00`);
}

/** HR-2 / HR-5: every day of the month, judged at `asOf`. */
export function attendanceDays(state: StaffMonthState, employee: Employee, month: string, asOf: string, policies: HrPolicies = DEFAULT_HR_POLICIES): AttendanceDay[] {
  let ordinal = 0;
  return datesOf(month).map((date) => {
    const workingDay = isWorkingDay(date);
    const employed = employedOn(employee, date);
    const ended = dayEnded(date, asOf, policies);
    const record = dayOf(state, date);
    const leave = state.leaves.find((l) => l.status === 'approved' && l.workingDays.includes(date)) ?? null;
    const correction = state.corrections.find((c) => c.status === 'approved' && c.date === date) ?? null;
    const late = workingDay && employed && !correction && !leave && record?.signIn && record.signIn.minutesLate > 0 ? record.signIn.minutesLate : null;
    const lateOrdinal = late !== null ? ++ordinal : null;
    const absent = workingDay && employed && ended && !record?.signIn && !leave && !correction;
    const reportSubmitted = record?.report != null;
    const eventIds = [record?.signIn?.eventId, record?.signOut?.eventId, record?.report?.eventId, ...(leave?.eventIds ?? []), ...(correction?.eventIds ?? [])].filter(
      (id): id is string => typeof id === 'string',
    );
    return {
      date,
      workingDay,
      holiday: statutoryHolidayOn(date)?.name ?? null,
      makeUpWorkday: workingDay && isWeekend(date),
      employed,
      ended,
      signInAt: record?.signIn?.at ?? null,
      signOutAt: record?.signOut?.at ?? null,
      minutesLate: late,
      lateOrdinal,
      absent,
      leave: leave ? { requestId: leave.requestId, kind: leave.kind } : null,
      correction: correction ? { correctionId: correction.correctionId, kind: correction.kind, reason: correction.reason, approvedBy: correction.decidedBy } : null,
      reportSubmitted,
      reportMissing: workingDay && employed && ended && !leave && !absent && !reportSubmitted,
      eventIds,
    };
  });
}

export function attendanceSummary(days: readonly AttendanceDay[]): AttendanceSummary {
  const count = (p: (d: AttendanceDay) => boolean) => days.filter(p).length;
  return {
    workingDays: count((d) => d.workingDay),
    workingDaysEmployed: count((d) => d.workingDay && d.employed),
    daysSignedIn: count((d) => d.signInAt !== null),
    lates: count((d) => d.minutesLate !== null),
    absences: count((d) => d.absent),
    leaveDays: count((d) => d.leave !== null && d.workingDay && d.employed),
    correctedDays: count((d) => d.correction !== null),
    missingReports: count((d) => d.reportMissing),
  };
}

const ORDINAL = (n: number): string => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
const percent = (rate: number): string => `${Math.round(rate * 10_000) / 100}%`;

function tariffRate(policies: HrPolicies, date: string, ordinal: number): number {
  const { steps } = inForce(policies.latenessTariff, date);
  let rate = 0;
  for (const step of steps) if (step.fromOrdinal <= ordinal) rate = step.rate;
  return rate;
}

function baseLines(employee: Employee, month: string): PayslipLine[] {
  const working = workingDaysOf(month);
  const employedDays = working.filter((d) => employedOn(employee, d));
  const segments = new Map<number, { baseSalaryFen: number; days: string[]; eventId: string | null }>();
  for (const date of employedDays) {
    const index = employee.salary.reduce((found, v, i) => (v.effectiveFrom <= date ? i : found), 0);
    const version = employee.salary[index];
    const segment = segments.get(index) ?? { baseSalaryFen: version.baseSalaryFen, days: [], eventId: version.eventId };
    segment.days.push(date);
    segments.set(index, segment);
  }
  const whole = segments.size === 1 && employedDays.length === working.length;
  return [...segments.values()].map((s) => ({
    kind: 'base',
    amountFen: whole ? s.baseSalaryFen : scaleFen(fen(s.baseSalaryFen), s.days.length / working.length),
    description: whole
      ? `Monthly base salary ${formatCny(fen(s.baseSalaryFen))}`
      : `Base ${formatCny(fen(s.baseSalaryFen))} × ${s.days.length}/${working.length} working days (${s.days[0]} – ${s.days[s.days.length - 1]})`,
    rule: 'HR-6',
    date: null,
    eventIds: s.eventId ? [s.eventId] : [],
    cites: null,
  }));
}

/** HR-3: one line per late arrival that stands, by its order in the month. */
function latenessLines(state: StaffMonthState, employee: Employee, days: readonly AttendanceDay[], policies: HrPolicies): PayslipLine[] {
  return days
    .filter((d) => d.lateOrdinal !== null)
    .map((d) => {
      const ordinal = d.lateOrdinal!;
      const rate = tariffRate(policies, d.date, ordinal);
      const base = fen(baseSalaryOn(employee, d.date));
      const time = d.signInAt ? shanghaiTime(d.signInAt) : '';
      return {
        kind: 'lateness',
        amountFen: -scaleFen(base, rate),
        description: `${ORDINAL(ordinal)} late arrival of the month on ${d.date} (signed in ${time}, ${d.minutesLate} min late): ${percent(rate)} of ${formatCny(base)}`,
        rule: 'HR-3',
        date: d.date,
        eventIds: dayOf(state, d.date)?.signIn?.eventId ? [dayOf(state, d.date)!.signIn!.eventId!] : [],
        cites: null,
      } satisfies PayslipLine;
    });
}

export const shanghaiTime = (instant: string): string => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(11, 16);

const ids = (...values: (string | null)[]): string[] => values.filter((v): v is string => v !== null);

/** The lines the month's own facts give, adjustments carried in excluded. */
function factLines(state: StaffMonthState, employee: Employee, days: readonly AttendanceDay[], policies: HrPolicies): PayslipLine[] {
  const fines: PayslipLine[] = state.fines.map((f) => ({
    kind: 'complaint-fine',
    amountFen: -f.amountFen,
    description: `Complaint upheld ${shanghaiDate(f.upheldAt)} (${f.complainant === 'sales' ? 'from a sales colleague' : 'from a customer'}, ${f.severity}${f.ticketId ? `, ticket ${f.ticketId}` : ''}): ${f.finding}`,
    rule: 'HR-4',
    date: shanghaiDate(f.upheldAt),
    eventIds: ids(f.eventId),
    cites: null,
  }));
  const conduct: PayslipLine[] = state.conduct
    .filter((c) => (c.penaltyFen ?? 0) > 0)
    .map((c) => ({
      kind: 'conduct-penalty',
      amountFen: -(c.penaltyFen ?? 0),
      description: `Conduct: ${c.kind}${c.callMinutes !== null ? ` (${c.callMinutes} min)` : ''} on ${shanghaiDate(c.occurredAt)}${c.sanction ? `, ${c.sanction}` : ''}: ${c.description}`,
      rule: 'HR-7',
      date: shanghaiDate(c.occurredAt),
      eventIds: ids(c.eventId),
      cites: null,
    }));
  const pay: PayslipLine[] = state.payElements.map((p) => ({
    kind: p.kind,
    amountFen: p.amountFen,
    description: `${p.kind === 'commission' ? 'Commission' : 'Bonus'} entered by ${p.enteredBy}: ${p.reason}`,
    rule: 'HR-6',
    date: null,
    eventIds: ids(p.eventId),
    cites: null,
  }));
  return [...latenessLines(state, employee, days, policies), ...fines, ...conduct, ...pay];
}

function carriedLines(state: StaffMonthState): PayslipLine[] {
  return state.adjustmentsCarried.map((a) => ({
    kind: 'adjustment',
    amountFen: a.amountFen,
    description: `Adjustment for ${a.originMonth} (${a.kind}): ${a.explanation}`,
    rule: 'HR-6',
    date: null,
    eventIds: ids(a.eventId, a.dueEventId),
    cites: { month: a.originMonth, payslipEventId: a.originPayslipEventId, adjustmentId: a.adjustmentId, dueEventId: a.dueEventId },
  }));
}

export function totalsOf(lines: readonly PayslipLine[]): PayslipTotals {
  const sum = (p: (l: PayslipLine) => boolean) => lines.filter(p).reduce((t, l) => t + l.amountFen, 0);
  return {
    baseFen: sum((l) => l.kind === 'base'),
    deductionsFen: sum((l) => l.amountFen < 0),
    additionsFen: sum((l) => l.kind !== 'base' && l.amountFen > 0),
    netFen: sum(() => true),
  };
}

export interface ComputedPayslip {
  lines: PayslipLine[];
  totals: PayslipTotals;
  attendance: AttendanceSummary;
}

/**
 * HR-6: base (prorated by working days when the staff member joins or leaves in the month) −
 * lateness deductions − complaint fines − conduct penalties + commission + bonus ± adjustments
 * of closed months, every line naming its events. `asOf` judges which days have ended.
 */
export function computePayslip(state: StaffMonthState, employee: Employee, month: string, asOf: string, policies: HrPolicies = DEFAULT_HR_POLICIES): ComputedPayslip {
  const days = attendanceDays(state, employee, month, asOf, policies);
  const lines = [...baseLines(employee, month), ...factLines(state, employee, days, policies), ...carriedLines(state)];
  return { lines, totals: totalsOf(lines), attendance: attendanceSummary(days) };
}

/** Money of the month's own facts per adjustable kind: what a post-close fact is compared by. */
export function moneyByKind(state: StaffMonthState, employee: Employee, month: string, asOf: string, policies: HrPolicies = DEFAULT_HR_POLICIES): Record<AdjustableKind, number> {
  const totals: Record<AdjustableKind, number> = { lateness: 0, 'complaint-fine': 0, 'conduct-penalty': 0, commission: 0, bonus: 0 };
  for (const line of factLines(state, employee, attendanceDays(state, employee, month, asOf, policies), policies)) totals[line.kind as AdjustableKind] += line.amountFen;
  return totals;
}
