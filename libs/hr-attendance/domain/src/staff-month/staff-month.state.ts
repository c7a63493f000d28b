import { assertNever } from '@ebp/shared-eventsourcing';
import { eventIdOf, type MaybeRecorded } from '../shared/event-id';
import type {
  AdjustableKind,
  AttendanceSummary,
  Complainant,
  ConductKind,
  CorrectionKind,
  LeaveKind,
  PayElementKind,
  PayslipLine,
  PayslipTotals,
  PunchSource,
  StaffMonthEvent,
} from './staff-month.events';
import type { Employee } from '../employee/employee.decider';
import type { ComplaintSeverity } from '../shared/hr.policy';

export interface SignInRecord {
  at: string;
  source: PunchSource;
  workingDay: boolean;
  minutesLate: number;
  eventId: string | null;
}
export interface PunchRecord {
  at: string;
  source: PunchSource;
  eventId: string | null;
}
export interface DayRecord {
  date: string;
  signIn: SignInRecord | null;
  signOut: PunchRecord | null;
  report: { submittedAt: string; contactCount: number; eventId: string | null } | null;
}
export interface LeaveRecord {
  requestId: string;
  from: string;
  to: string;
  workingDays: string[];
  kind: LeaveKind;
  reason: string;
  status: 'requested' | 'approved' | 'rejected';
  decidedBy: string | null;
  eventIds: string[];
}
export interface CorrectionRecord {
  correctionId: string;
  date: string;
  kind: CorrectionKind;
  reason: string;
  requestedBy: string;
  status: 'requested' | 'approved' | 'rejected';
  decidedBy: string | null;
  cleared: ('late' | 'absence')[];
  eventIds: string[];
}
export interface FineRecord {
  fineId: string;
  complainant: Complainant;
  source: 'service-desk' | 'hr';
  ticketId: string | null;
  severity: ComplaintSeverity;
  amountFen: number;
  finding: string;
  upheldAt: string;
  eventId: string | null;
}
export interface ConductEntry {
  recordId: string;
  kind: ConductKind;
  occurredAt: string;
  description: string;
  callMinutes: number | null;
  sanction: string | null;
  penaltyFen: number | null;
  source: 'service-desk' | 'hr';
  findingId: string | null;
  eventId: string | null;
}
export interface PayElementRecord {
  entryId: string;
  kind: PayElementKind;
  amountFen: number;
  reason: string;
  enteredBy: string;
  eventId: string | null;
}
export interface AdjustmentRecord {
  adjustmentId: string;
  originMonth: string;
  originPayslipEventId: string | null;
  kind: AdjustableKind;
  amountFen: number;
  explanation: string;
  /** The due event (on this stream for `due`, on the origin's stream for `carried`). */
  dueEventId: string | null;
  eventId: string | null;
}
export interface IssuedPayslip {
  eventId: string | null;
  employee: Employee;
  lines: PayslipLine[];
  totals: PayslipTotals;
  attendance: AttendanceSummary;
  issuedAt: string;
}

/** Everything of one staff member's month that reaches the payslip, with the id of each fact's event. */
export interface StaffMonthState {
  staffId: string | null;
  month: string | null;
  /** Ascending by date; only days with a punch or a report. */
  days: DayRecord[];
  leaves: LeaveRecord[];
  corrections: CorrectionRecord[];
  fines: FineRecord[];
  conduct: ConductEntry[];
  payElements: PayElementRecord[];
  violation: { date: string; lateCount: number; eventId: string | null } | null;
  payslip: IssuedPayslip | null;
  /** Differences found after the payslip was issued, due in a later month (or passed on to one). */
  adjustmentsDue: AdjustmentRecord[];
  /** Adjustments of earlier closed months landed on this month's payslip. */
  adjustmentsCarried: AdjustmentRecord[];
}

export const initialStaffMonthState = (): StaffMonthState => ({
  staffId: null,
  month: null,
  days: [],
  leaves: [],
  corrections: [],
  fines: [],
  conduct: [],
  payElements: [],
  violation: null,
  payslip: null,
  adjustmentsDue: [],
  adjustmentsCarried: [],
});

export const dayOf = (state: StaffMonthState, date: string): DayRecord | null => state.days.find((d) => d.date === date) ?? null;

function withDay(state: StaffMonthState, date: string, change: (day: DayRecord) => DayRecord): DayRecord[] {
  const day = change(dayOf(state, date) ?? { date, signIn: null, signOut: null, report: null });
  return [...state.days.filter((d) => d.date !== date), day].sort((a, b) => a.date.localeCompare(b.date));
}

const replace = <T>(items: T[], match: (item: T) => boolean, change: (item: T) => T): T[] => items.map((item) => (match(item) ? change(item) : item));

export function evolveStaffMonth(state: StaffMonthState, event: MaybeRecorded<StaffMonthEvent>): StaffMonthState {
  const eventId = eventIdOf(event);
  const s: StaffMonthState = { ...state, staffId: event.data.staffId, month: event.data.month };
  switch (event.type) {
    case 'SignedIn': {
      const d = event.data;
      return { ...s, days: withDay(s, d.date, (day) => ({ ...day, signIn: { at: d.at, source: d.source, workingDay: d.workingDay, minutesLate: d.minutesLate, eventId } })) };
    }
    case 'SignedOut': {
      const d = event.data;
      return { ...s, days: withDay(s, d.date, (day) => ({ ...day, signOut: { at: d.at, source: d.source, eventId } })) };
    }
    case 'LeaveRequested': {
      const d = event.data;
      const leave: LeaveRecord = {
        requestId: d.requestId,
        from: d.from,
        to: d.to,
        workingDays: d.workingDays,
        kind: d.kind,
        reason: d.reason,
        status: 'requested',
        decidedBy: null,
        eventIds: eventId ? [eventId] : [],
      };
      return { ...s, leaves: [...s.leaves, leave] };
    }
    case 'LeaveApproved':
    case 'LeaveRejected': {
      const d = event.data;
      const status = event.type === 'LeaveApproved' ? 'approved' : 'rejected';
      const decidedBy = event.type === 'LeaveApproved' ? event.data.approvedBy : event.data.rejectedBy;
      return {
        ...s,
        leaves: replace(s.leaves, (l) => l.requestId === d.requestId, (l) => ({ ...l, status, decidedBy, eventIds: eventId ? [...l.eventIds, eventId] : l.eventIds })),
      };
    }
    case 'AttendanceCorrectionRequested': {
      const d = event.data;
      const correction: CorrectionRecord = {
        correctionId: d.correctionId,
        date: d.date,
        kind: d.kind,
        reason: d.reason,
        requestedBy: d.requestedBy,
        status: 'requested',
        decidedBy: null,
        cleared: [],
        eventIds: eventId ? [eventId] : [],
      };
      return { ...s, corrections: [...s.corrections, correction] };
    }
    case 'AttendanceCorrectionApproved':
    case 'AttendanceCorrectionRejected': {
      const d = event.data;
      const approved = event.type === 'AttendanceCorrectionApproved';
      return {
        ...s,
        corrections: replace(
          s.corrections,
          (c) => c.correctionId === d.correctionId,
          (c) => ({
            ...c,
            status: approved ? 'approved' : 'rejected',
            decidedBy: event.type === 'AttendanceCorrectionApproved' ? event.data.approvedBy : event.data.rejectedBy,
            cleared: event.type === 'AttendanceCorrectionApproved' ? event.data.cleared : [],
            eventIds: eventId ? [...c.eventIds, eventId] : c.eventIds,
          }),
        ),
      };
    }
    case 'LatenessViolationRaised':
      return { ...s, violation: { date: event.data.date, lateCount: event.data.lateCount, eventId } };
    case 'DailyReportSubmitted': {
      const d = event.data;
      return { ...s, days: withDay(s, d.date, (day) => ({ ...day, report: { submittedAt: d.submittedAt, contactCount: d.contacts.length, eventId } })) };
    }
    case 'ComplaintFineRecorded': {
      const d = event.data;
      const fine: FineRecord = {
        fineId: d.fineId,
        complainant: d.complainant,
        source: d.source,
        ticketId: d.ticketId,
        severity: d.severity,
        amountFen: d.amountFen,
        finding: d.finding,
        upheldAt: d.upheldAt,
        eventId,
      };
      return { ...s, fines: [...s.fines, fine] };
    }
    case 'ConductRecorded': {
      const d = event.data;
      const entry: ConductEntry = {
        recordId: d.recordId,
        kind: d.kind,
        occurredAt: d.occurredAt,
        description: d.description,
        callMinutes: d.callMinutes,
        sanction: d.sanction,
        penaltyFen: d.penaltyFen,
        source: d.source,
        findingId: d.findingId,
        eventId,
      };
      return { ...s, conduct: [...s.conduct, entry] };
    }
    case 'PayElementEntered': {
      const d = event.data;
      return { ...s, payElements: [...s.payElements, { entryId: d.entryId, kind: d.kind, amountFen: d.amountFen, reason: d.reason, enteredBy: d.enteredBy, eventId }] };
    }
    case 'PayslipIssued': {
      const d = event.data;
      return { ...s, payslip: { eventId, employee: d.employee, lines: d.lines, totals: d.totals, attendance: d.attendance, issuedAt: d.issuedAt } };
    }
    case 'PayslipAdjustmentDue': {
      const d = event.data;
      const due: AdjustmentRecord = {
        adjustmentId: d.adjustmentId,
        originMonth: d.originMonth,
        originPayslipEventId: d.originPayslipEventId,
        kind: d.kind,
        amountFen: d.amountFen,
        explanation: d.explanation,
        dueEventId: eventId,
        eventId,
      };
      return { ...s, adjustmentsDue: [...s.adjustmentsDue, due] };
    }
    case 'PayslipAdjustmentCarried': {
      const d = event.data;
      const carried: AdjustmentRecord = {
        adjustmentId: d.adjustmentId,
        originMonth: d.originMonth,
        originPayslipEventId: d.originPayslipEventId,
        kind: d.kind,
        amountFen: d.amountFen,
        explanation: d.explanation,
        dueEventId: d.dueEventId,
        eventId,
      };
      return { ...s, adjustmentsCarried: [...s.adjustmentsCarried, carried] };
    }
    default:
      return assertNever(event);
  }
}
