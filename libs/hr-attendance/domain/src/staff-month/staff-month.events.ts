import type { DomainEvent } from '@ebp/shared-eventsourcing';
import type { Employee } from '../employee/employee.decider';
import type { ComplaintSeverity } from '../shared/hr.policy';

/** Where a punch came from: the staff member's own sign-in / sign-out, or HR's import of the punch clock's export. */
export type PunchSource = 'self' | 'punch-clock';
export type LeaveKind = 'annual' | 'sick' | 'personal' | 'marriage' | 'bereavement' | 'maternity' | 'other';
export const LEAVE_KINDS: readonly LeaveKind[] = ['annual', 'sick', 'personal', 'marriage', 'bereavement', 'maternity', 'other'];
/** HR-2 corrections: a forgotten punch, or a day (or morning) spent working in the field. */
export type CorrectionKind = 'forgotten-punch' | 'field-work';
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['forgotten-punch', 'field-work'];
/** HR-7: 私人电话 over the limit, 浏览无关网站, 打游戏, 与客户争执, and the service desk's SD-6 findings. */
export type ConductKind = 'personal-call' | 'unrelated-browsing' | 'games' | 'customer-dispute' | 'shirking';
export const CONDUCT_KINDS: readonly ConductKind[] = ['personal-call', 'unrelated-browsing', 'games', 'customer-dispute', 'shirking'];
export type PayElementKind = 'commission' | 'bonus';
/** Who raised the complaint (HR-4: a customer, or a sales colleague). */
export type Complainant = 'customer' | 'sales';
/** The payslip line kinds (HR-6), deductions negative. */
export type PayslipLineKind = 'base' | 'lateness' | 'complaint-fine' | 'conduct-penalty' | 'commission' | 'bonus' | 'adjustment';
/** Kinds whose amounts can change after close and so carry adjustments. */
export type AdjustableKind = Exclude<PayslipLineKind, 'base' | 'adjustment'>;

export interface PayslipLine {
  kind: PayslipLineKind;
  /** Signed fen: deductions are negative. */
  amountFen: number;
  /** Human explanation, e.g. "3rd late arrival on 2026-03-12 (09:05, 35 min late): 5% of ¥6,000.00". */
  description: string;
  /** The rule the line applies. */
  rule: string;
  /** The day the line is about, when it is about one. */
  date: string | null;
  /** The events behind the line. */
  eventIds: string[];
  /** For an adjustment: the closed month and payslip it corrects. */
  cites: { month: string; payslipEventId: string | null; adjustmentId: string; dueEventId: string | null } | null;
}

export interface AttendanceSummary {
  /** Working days of the month on the official calendar. */
  workingDays: number;
  /** Of those, the days the staff member was employed. */
  workingDaysEmployed: number;
  daysSignedIn: number;
  lates: number;
  absences: number;
  leaveDays: number;
  correctedDays: number;
  missingReports: number;
}

export interface PayslipTotals {
  /** Sum of the base lines. */
  baseFen: number;
  /** Sum of the negative lines (≤ 0). */
  deductionsFen: number;
  /** Sum of the positive lines other than base (≥ 0). */
  additionsFen: number;
  netFen: number;
}

interface Punch {
  staffId: string;
  month: string;
  date: string;
  at: string;
  source: PunchSource;
}

/** HR-2: `minutesLate` > 0 means late, judged with the working hours in force that day (0 on a non-working day). */
export type SignedIn = DomainEvent<'SignedIn', Punch & { workingDay: boolean; minutesLate: number; workStart: string; graceMinutes: number }>;
export type SignedOut = DomainEvent<'SignedOut', Punch>;
export type LeaveRequested = DomainEvent<
  'LeaveRequested',
  { staffId: string; month: string; requestId: string; from: string; to: string; workingDays: string[]; kind: LeaveKind; reason: string; requestedAt: string }
>;
export type LeaveApproved = DomainEvent<'LeaveApproved', { staffId: string; month: string; requestId: string; approvedBy: string; approvedAt: string }>;
export type LeaveRejected = DomainEvent<'LeaveRejected', { staffId: string; month: string; requestId: string; rejectedBy: string; reason: string | null; rejectedAt: string }>;
export type AttendanceCorrectionRequested = DomainEvent<
  'AttendanceCorrectionRequested',
  { staffId: string; month: string; correctionId: string; date: string; kind: CorrectionKind; reason: string; requestedBy: string; requestedAt: string }
>;
/** `cleared`: what the approval took away on that day as it stood: its late arrival or its absence (empty when neither stood yet). */
export type AttendanceCorrectionApproved = DomainEvent<
  'AttendanceCorrectionApproved',
  { staffId: string; month: string; correctionId: string; date: string; cleared: ('late' | 'absence')[]; approvedBy: string; approvedAt: string }
>;
export type AttendanceCorrectionRejected = DomainEvent<
  'AttendanceCorrectionRejected',
  { staffId: string; month: string; correctionId: string; date: string; rejectedBy: string; reason: string | null; rejectedAt: string }
>;
/** HR-3: the month's late arrivals reached the policy's count (3): flagged to the manager. */
export type LatenessViolationRaised = DomainEvent<
  'LatenessViolationRaised',
  { staffId: string; month: string; date: string; lateCount: number; managerId: string | null; raisedAt: string }
>;
export interface ReportContact {
  customer: string;
  channel: string;
  summary: string;
}
/** HR-5: the day's report of customer contacts, one per working day. */
export type DailyReportSubmitted = DomainEvent<
  'DailyReportSubmitted',
  { staffId: string; month: string; date: string; contacts: ReportContact[]; summary: string; submittedAt: string }
>;
/** HR-4: an upheld complaint's fine, from the service desk's published complaint or entered by HR. */
export type ComplaintFineRecorded = DomainEvent<
  'ComplaintFineRecorded',
  {
    staffId: string;
    month: string;
    fineId: string;
    complainant: Complainant;
    source: 'service-desk' | 'hr';
    ticketId: string | null;
    /** The integration event it came from (service-desk.complaint-upheld.v1), null when entered in HR. */
    integrationEventId: string | null;
    severity: ComplaintSeverity;
    amountFen: number;
    finding: string;
    upheldBy: string;
    upheldAt: string;
    recordedBy: string;
    recordedAt: string;
  }
>;
/** HR-7: a conduct record with its penalty; a penalty with an amount is a payslip line. */
export type ConductRecorded = DomainEvent<
  'ConductRecorded',
  {
    staffId: string;
    month: string;
    recordId: string;
    kind: ConductKind;
    occurredAt: string;
    description: string;
    callMinutes: number | null;
    /** The sanction (e.g. SD-6's criticism / education / disciplinary-action / reassignment, or a warning). */
    sanction: string | null;
    penaltyFen: number | null;
    source: 'service-desk' | 'hr';
    findingId: string | null;
    ticketId: string | null;
    integrationEventId: string | null;
    recordedBy: string;
    recordedAt: string;
  }
>;
/** HR-6: commission or bonus, entered by the manager with a reason. */
export type PayElementEntered = DomainEvent<
  'PayElementEntered',
  { staffId: string; month: string; entryId: string; kind: PayElementKind; amountFen: number; reason: string; enteredBy: string; enteredAt: string }
>;
/** HR-6: the month's payslip, frozen. Nothing on it changes afterwards; later facts carry adjustments. */
export type PayslipIssued = DomainEvent<
  'PayslipIssued',
  {
    staffId: string;
    month: string;
    /** The employment record the payslip was computed from (salary versions included). */
    employee: Employee;
    lines: PayslipLine[];
    totals: PayslipTotals;
    attendance: AttendanceSummary;
    issuedBy: string;
    issuedAt: string;
  }
>;
/**
 * HR-6: a fact reached this month after its payslip was issued; the difference it makes is due in
 * the next open month. Also emitted when a carried adjustment meets a closed month: it passes on.
 */
export type PayslipAdjustmentDue = DomainEvent<
  'PayslipAdjustmentDue',
  {
    staffId: string;
    month: string;
    adjustmentId: string;
    /** The closed month whose payslip the difference corrects. */
    originMonth: string;
    originPayslipEventId: string | null;
    kind: AdjustableKind;
    amountFen: number;
    explanation: string;
    /**
     * On a due passed on by a closed month: the origin month's PayslipAdjustmentDue it carries on,
     * so the line that finally lands cites that one however many closed months it crossed.
     * Absent (or null) on the origin month's own due, whose own event id is the one cited.
     */
    originDueEventId?: string | null;
    dueAt: string;
  }
>;
/** HR-6: an adjustment of an earlier closed month, landed on this month's payslip. */
export type PayslipAdjustmentCarried = DomainEvent<
  'PayslipAdjustmentCarried',
  {
    staffId: string;
    month: string;
    adjustmentId: string;
    originMonth: string;
    originPayslipEventId: string | null;
    /** The PayslipAdjustmentDue event it carries. */
    dueEventId: string;
    kind: AdjustableKind;
    amountFen: number;
    explanation: string;
    carriedAt: string;
  }
>;

export type StaffMonthEvent =
  | SignedIn
  | SignedOut
  | LeaveRequested
  | LeaveApproved
  | LeaveRejected
  | AttendanceCorrectionRequested
  | AttendanceCorrectionApproved
  | AttendanceCorrectionRejected
  | LatenessViolationRaised
  | DailyReportSubmitted
  | ComplaintFineRecorded
  | ConductRecorded
  | PayElementEntered
  | PayslipIssued
  | PayslipAdjustmentDue
  | PayslipAdjustmentCarried;
