import { assertNever, DomainError, fold, type Decider } from '@ebp/shared-eventsourcing';
import {
  addDays,
  fen,
  formatCny,
  inForce,
  instantMs,
  isCalendarDate,
  isWorkingDay,
  monthEndInstant,
  monthHasEnded,
  optionalText,
  requireInstant,
  requireOneOf,
  requireText,
  shanghaiDate,
} from '@ebp/shared-kernel';
import { employedOn, type Employee } from '../employee/employee.decider';
import { COMPLAINT_SEVERITIES, DEFAULT_HR_POLICIES, type HrPolicies } from '../shared/hr.policy';
import { attendanceDays, computePayslip, moneyByKind, shanghaiTime } from './payslip';
import type { HrActor, StaffMonthCommand } from './staff-month.commands';
import {
  CONDUCT_KINDS,
  CORRECTION_KINDS,
  LEAVE_KINDS,
  type AdjustableKind,
  type PayslipAdjustmentDue,
  type ReportContact,
  type StaffMonthEvent,
} from './staff-month.events';
import { dayOf, evolveStaffMonth, initialStaffMonthState, type StaffMonthState } from './staff-month.state';

function requireDate(value: string, field: string, rule: string): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw new DomainError(rule, `${field} must be a calendar date YYYY-MM-DD`, 'invalid', field);
  return value;
}

function inMonth(date: string, month: string, field: string, rule: string): string {
  if (date.slice(0, 7) !== month) throw new DomainError(rule, `${field} ${date} is not in ${month}`, 'invalid', field);
  return date;
}

function employed(employee: Employee, date: string, rule: string, field = 'date'): void {
  if (!employedOn(employee, date)) throw new DomainError(rule, `staff member ${employee.staffId} is not employed on ${date}`, 'rule', field);
}

function requireAmount(value: number | null | undefined, field: string, rule: string, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || (!allowZero && value === 0)) {
    throw new DomainError(rule, `${field} must be a ${allowZero ? 'non-negative' : 'positive'} whole number of fen`, 'invalid', field);
  }
  return value;
}

/** HR-2 / HR-6: the line manager decides; HR stands in only for someone without one. */
function requireManager(employee: Employee, by: HrActor, rule: string, what: string): void {
  if (by.userId === employee.staffId) throw new DomainError(rule, `staff cannot ${what} for themselves`, 'forbidden');
  if (employee.managerId ? by.userId === employee.managerId : by.hrManager) return;
  throw new DomainError(rule, `only ${employee.managerId ? `the manager (${employee.managerId})` : 'hr-manager'} of ${employee.staffId} may ${what}`, 'forbidden');
}

/** HR-2: minutes after the start of working hours (+ grace) on a working day; 0 when on time or on a rest day. */
export function minutesLateAt(at: string, policies: HrPolicies = DEFAULT_HR_POLICIES): { workingDay: boolean; minutesLate: number; workStart: string; graceMinutes: number } {
  const date = shanghaiDate(at);
  const { start, graceMinutes } = inForce(policies.workingHours, date);
  const workingDay = isWorkingDay(date);
  const afterStart = Date.parse(at) - Date.parse(`${date}T${start}:00+08:00`);
  const late = workingDay && afterStart > graceMinutes * 60_000;
  return { workingDay, minutesLate: late ? Math.ceil(afterStart / 60_000) : 0, workStart: start, graceMinutes };
}

function contactsOf(contacts: readonly ReportContact[] | null | undefined): ReportContact[] {
  if (!Array.isArray(contacts)) throw new DomainError('HR-5', 'contacts must list the day\'s customer contacts (an empty list when there were none)', 'invalid', 'contacts');
  return contacts.map((c, i) => ({
    customer: requireText(c?.customer, `contacts[${i}].customer`, 'HR-5'),
    channel: requireText(c?.channel, `contacts[${i}].channel`, 'HR-5'),
    summary: requireText(c?.summary, `contacts[${i}].summary`, 'HR-5'),
  }));
}

/** The facts a command adds, before any adjustment a closed month needs. */
function decideFacts(command: StaffMonthCommand, state: StaffMonthState, policies: HrPolicies): StaffMonthEvent[] {
  const now = command.metadata.now;
  const { staffId, month } = command.data;
  switch (command.type) {
    case 'RecordPunch': {
      const { employee, source } = command.data;
      const signInAt = command.data.signInAt === null ? null : requireInstant(command.data.signInAt, 'signInAt', 'HR-2');
      const signOutAt = command.data.signOutAt === null ? null : requireInstant(command.data.signOutAt, 'signOutAt', 'HR-2');
      if (!signInAt && !signOutAt) throw new DomainError('HR-2', 'a punch needs a sign-in or a sign-out time', 'invalid', 'signInAt');
      const date = shanghaiDate(signInAt ?? signOutAt!);
      inMonth(date, month, 'date', 'HR-2');
      if (signInAt && signOutAt) {
        if (shanghaiDate(signOutAt) !== date) throw new DomainError('HR-2', 'sign-in and sign-out must be on the same day', 'invalid', 'signOutAt');
        if (instantMs(signOutAt) < instantMs(signInAt)) throw new DomainError('HR-2', 'sign-out is before sign-in', 'invalid', 'signOutAt');
      }
      for (const [field, at] of [['signInAt', signInAt], ['signOutAt', signOutAt]] as const) {
        if (at && instantMs(at) > instantMs(now)) throw new DomainError('HR-2', `${field} ${at} is in the future`, 'invalid', field);
      }
      employed(employee, date, 'HR-2');
      const day = dayOf(state, date);
      const events: StaffMonthEvent[] = [];
      // The earliest sign-in and the latest sign-out of a day count; a repeat changes nothing.
      if (signInAt && (!day?.signIn || instantMs(signInAt) < instantMs(day.signIn.at))) {
        events.push({ type: 'SignedIn', data: { staffId, month, date, at: signInAt, source, ...minutesLateAt(signInAt, policies) } });
      }
      if (signOutAt && (!day?.signOut || instantMs(signOutAt) > instantMs(day.signOut.at))) {
        events.push({ type: 'SignedOut', data: { staffId, month, date, at: signOutAt, source } });
      }
      return [...events, ...violationAfter(state, events, employee, date, now, policies)];
    }
    case 'RequestLeave': {
      const { employee, requestId } = command.data;
      const from = inMonth(requireDate(command.data.from, 'from', 'HR-2'), month, 'from', 'HR-2');
      const to = inMonth(requireDate(command.data.to, 'to', 'HR-2'), month, 'to', 'HR-2');
      if (to < from) throw new DomainError('HR-2', `to ${to} is before from ${from}`, 'invalid', 'to');
      if (state.leaves.some((l) => l.requestId === requestId)) throw new DomainError('HR-2', `leave request ${requestId} exists`, 'conflict', 'requestId');
      const workingDays: string[] = [];
      for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d) && employedOn(employee, d)) workingDays.push(d);
      if (workingDays.length === 0) throw new DomainError('HR-2', `no working day of ${staffId}'s employment lies between ${from} and ${to}`, 'rule', 'from');
      const overlap = state.leaves.find((l) => l.status !== 'rejected' && l.workingDays.some((d) => workingDays.includes(d)));
      if (overlap) throw new DomainError('HR-2', `leave request ${overlap.requestId} already covers some of these days`, 'conflict', 'from');
      return [
        {
          type: 'LeaveRequested',
          data: {
            staffId,
            month,
            requestId,
            from,
            to,
            workingDays,
            kind: requireOneOf(command.data.kind, LEAVE_KINDS, 'kind', 'HR-2'),
            reason: requireText(command.data.reason, 'reason', 'HR-2'),
            requestedAt: now,
          },
        },
      ];
    }
    case 'DecideLeave': {
      const { employee, requestId, by, approve } = command.data;
      const leave = state.leaves.find((l) => l.requestId === requestId);
      if (!leave) throw new DomainError('HR-2', `leave request ${requestId} does not exist`, 'not-found', 'requestId');
      requireManager(employee, by, 'HR-2', 'decide leave');
      if (leave.status !== 'requested') {
        if ((leave.status === 'approved') === approve) return [];
        throw new DomainError('HR-2', `leave request ${requestId} is already ${leave.status}`, 'conflict', 'requestId');
      }
      const reason = optionalText(command.data.reason, 'reason', 'HR-2');
      return approve
        ? [{ type: 'LeaveApproved', data: { staffId, month, requestId, approvedBy: by.userId, approvedAt: now } }]
        : [{ type: 'LeaveRejected', data: { staffId, month, requestId, rejectedBy: by.userId, reason, rejectedAt: now } }];
    }
    case 'RequestCorrection': {
      const { employee, correctionId, by } = command.data;
      if (by.userId !== staffId && !by.hrManager) throw new DomainError('HR-2', 'a correction is requested by the staff member', 'forbidden');
      const date = inMonth(requireDate(command.data.date, 'date', 'HR-2'), month, 'date', 'HR-2');
      if (date > shanghaiDate(now)) throw new DomainError('HR-2', `date ${date} is in the future`, 'invalid', 'date');
      employed(employee, date, 'HR-2');
      if (!isWorkingDay(date)) throw new DomainError('HR-2', `${date} is not a working day: nothing to correct`, 'rule', 'date');
      if (state.corrections.some((c) => c.correctionId === correctionId)) throw new DomainError('HR-2', `correction ${correctionId} exists`, 'conflict', 'correctionId');
      const open = state.corrections.find((c) => c.date === date && c.status !== 'rejected');
      if (open) throw new DomainError('HR-2', `correction ${open.correctionId} for ${date} is already ${open.status}`, 'conflict', 'date');
      const day = attendanceDays(state, employee, month, now, policies).find((d) => d.date === date)!;
      if (day.minutesLate === null && !day.absent && day.signInAt !== null) {
        throw new DomainError('HR-2', `${date} has neither a late arrival nor an absence to correct`, 'rule', 'date');
      }
      return [
        {
          type: 'AttendanceCorrectionRequested',
          data: {
            staffId,
            month,
            correctionId,
            date,
            kind: requireOneOf(command.data.kind, CORRECTION_KINDS, 'kind', 'HR-2'),
            reason: requireText(command.data.reason, 'reason', 'HR-2'),
            requestedBy: by.userId,
            requestedAt: now,
          },
        },
      ];
    }
    case 'DecideCorrection': {
      const { employee, correctionId, by, approve } = command.data;
      const correction = state.corrections.find((c) => c.correctionId === correctionId);
      if (!correction) throw new DomainError('HR-2', `correction ${correctionId} does not exist`, 'not-found', 'correctionId');
      requireManager(employee, by, 'HR-2', 'decide a correction');
      if (correction.status !== 'requested') {
        if ((correction.status === 'approved') === approve) return [];
        throw new DomainError('HR-2', `correction ${correctionId} is already ${correction.status}`, 'conflict', 'correctionId');
      }
      if (!approve) {
        const reason = optionalText(command.data.reason, 'reason', 'HR-2');
        return [{ type: 'AttendanceCorrectionRejected', data: { staffId, month, correctionId, date: correction.date, rejectedBy: by.userId, reason, rejectedAt: now } }];
      }
      const day = attendanceDays(state, employee, month, now, policies).find((d) => d.date === correction.date)!;
      const cleared: ('late' | 'absence')[] = day.minutesLate !== null ? ['late'] : day.signInAt === null ? ['absence'] : [];
      return [{ type: 'AttendanceCorrectionApproved', data: { staffId, month, correctionId, date: correction.date, cleared, approvedBy: by.userId, approvedAt: now } }];
    }
    case 'SubmitDailyReport': {
      const { employee } = command.data;
      const date = inMonth(requireDate(command.data.date, 'date', 'HR-5'), month, 'date', 'HR-5');
      if (date > shanghaiDate(now)) throw new DomainError('HR-5', `date ${date} is in the future`, 'invalid', 'date');
      employed(employee, date, 'HR-5');
      if (!isWorkingDay(date)) throw new DomainError('HR-5', `${date} is not a working day: no daily report is due`, 'rule', 'date');
      if (dayOf(state, date)?.report) throw new DomainError('HR-5', `the daily report of ${date} is already submitted (one per working day)`, 'conflict', 'date');
      return [
        {
          type: 'DailyReportSubmitted',
          data: { staffId, month, date, contacts: contactsOf(command.data.contacts), summary: requireText(command.data.summary, 'summary', 'HR-5'), submittedAt: now },
        },
      ];
    }
    case 'RecordComplaintFine': {
      const d = command.data;
      if (state.fines.some((f) => f.fineId === d.fineId)) return [];
      const upheldAt = requireInstant(d.upheldAt, 'upheldAt', 'HR-4');
      inMonth(shanghaiDate(upheldAt), month, 'upheldAt', 'HR-4');
      const severity = requireOneOf(d.severity, COMPLAINT_SEVERITIES, 'severity', 'HR-4');
      const tariff = inForce(policies.complaintFines, shanghaiDate(upheldAt));
      const amountFen = d.fineFen == null ? tariff.bySeverityFen[severity] : requireAmount(d.fineFen, 'fineFen', 'HR-4');
      if (amountFen < tariff.minimumFen) {
        throw new DomainError('HR-4', `a complaint fine is at least ${formatCny(fen(tariff.minimumFen))}, got ${formatCny(fen(amountFen))}`, 'rule', 'fineFen');
      }
      return [
        {
          type: 'ComplaintFineRecorded',
          data: {
            staffId,
            month,
            fineId: requireText(d.fineId, 'fineId', 'HR-4'),
            complainant: requireOneOf(d.complainant, ['customer', 'sales'] as const, 'complainant', 'HR-4'),
            source: d.source,
            ticketId: d.ticketId,
            integrationEventId: d.integrationEventId,
            severity,
            amountFen,
            finding: requireText(d.finding, 'finding', 'HR-4'),
            upheldBy: requireText(d.upheldBy, 'upheldBy', 'HR-4'),
            upheldAt,
            recordedBy: d.by,
            recordedAt: now,
          },
        },
      ];
    }
    case 'RecordConduct': {
      const d = command.data;
      if (state.conduct.some((c) => c.recordId === d.recordId)) return [];
      const occurredAt = requireInstant(d.occurredAt, 'occurredAt', 'HR-7');
      inMonth(shanghaiDate(occurredAt), month, 'occurredAt', 'HR-7');
      if (instantMs(occurredAt) > instantMs(now)) throw new DomainError('HR-7', `occurredAt ${occurredAt} is in the future`, 'invalid', 'occurredAt');
      const kind = requireOneOf(d.kind, CONDUCT_KINDS, 'kind', 'HR-7');
      let callMinutes: number | null = null;
      if (kind === 'personal-call') {
        const { maxMinutes } = inForce(policies.personalCalls, shanghaiDate(occurredAt));
        if (typeof d.callMinutes !== 'number' || !Number.isFinite(d.callMinutes) || d.callMinutes < 0) {
          throw new DomainError('HR-7', 'a personal call needs callMinutes', 'invalid', 'callMinutes');
        }
        if (d.callMinutes <= maxMinutes) throw new DomainError('HR-7', `a personal call of up to ${maxMinutes} minutes is allowed; ${d.callMinutes} is not a violation`, 'rule', 'callMinutes');
        callMinutes = d.callMinutes;
      }
      return [
        {
          type: 'ConductRecorded',
          data: {
            staffId,
            month,
            recordId: requireText(d.recordId, 'recordId', 'HR-7'),
            kind,
            occurredAt,
            description: requireText(d.description, 'description', 'HR-7'),
            callMinutes,
            sanction: optionalText(d.sanction, 'sanction', 'HR-7'),
            penaltyFen: d.penaltyFen == null ? null : requireAmount(d.penaltyFen, 'penaltyFen', 'HR-7', true),
            source: d.source,
            findingId: d.findingId ?? null,
            ticketId: d.ticketId ?? null,
            integrationEventId: d.integrationEventId ?? null,
            recordedBy: d.by,
            recordedAt: now,
          },
        },
      ];
    }
    case 'EnterPayElement': {
      const { employee, entryId, by } = command.data;
      requireManager(employee, by, 'HR-6', `enter ${command.data.kind}`);
      if (state.payElements.some((p) => p.entryId === entryId)) throw new DomainError('HR-6', `pay entry ${entryId} exists`, 'conflict', 'entryId');
      const kind = requireOneOf(command.data.kind, ['commission', 'bonus'] as const, 'kind', 'HR-6');
      return [
        {
          type: 'PayElementEntered',
          data: {
            staffId,
            month,
            entryId,
            kind,
            amountFen: requireAmount(command.data.amountFen, 'amountFen', 'HR-6'),
            reason: requireText(command.data.reason, 'reason', 'HR-6'),
            enteredBy: by.userId,
            enteredAt: now,
          },
        },
      ];
    }
    case 'IssuePayslip': {
      if (state.payslip) return [];
      if (!monthHasEnded(month, now)) throw new DomainError('HR-6', `${month} has not ended: its payslips cannot be issued yet`, 'rule', 'month');
      const { employee } = command.data;
      const payslip = computePayslip(state, employee, month, monthEndInstant(month), policies);
      return [{ type: 'PayslipIssued', data: { staffId, month, employee, ...payslip, issuedBy: command.data.by, issuedAt: now } }];
    }
    case 'CarryAdjustment': {
      const d = command.data;
      if ([...state.adjustmentsCarried, ...state.adjustmentsDue].some((a) => a.adjustmentId === d.adjustmentId)) return [];
      const adjustment = {
        staffId,
        month,
        adjustmentId: d.adjustmentId,
        originMonth: d.originMonth,
        originPayslipEventId: d.originPayslipEventId,
        kind: d.kind,
        amountFen: d.amountFen,
        explanation: d.explanation,
      };
      // A closed month cannot take it: it passes on to the next one.
      return state.payslip
        ? [{ type: 'PayslipAdjustmentDue', data: { ...adjustment, originDueEventId: d.dueEventId, dueAt: now } }]
        : [{ type: 'PayslipAdjustmentCarried', data: { ...adjustment, dueEventId: d.dueEventId, carriedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

/** HR-3: the late arrival that brings the month's count to the policy's number is a violation for the manager. */
function violationAfter(state: StaffMonthState, events: StaffMonthEvent[], employee: Employee, date: string, now: string, policies: HrPolicies): StaffMonthEvent[] {
  if (state.violation || !events.some((e) => e.type === 'SignedIn')) return [];
  const after = events.reduce(evolveStaffMonth, state);
  const lates = attendanceDays(after, employee, state.month ?? date.slice(0, 7), now, policies).filter((d) => d.minutesLate !== null).length;
  const { violationAt } = inForce(policies.latenessTariff, date);
  if (lates < violationAt) return [];
  return [{ type: 'LatenessViolationRaised', data: { staffId: employee.staffId, month: date.slice(0, 7), date, lateCount: lates, managerId: employee.managerId, raisedAt: now } }];
}

/** Kinds whose lines are deductions (negative fen): for them a negative difference means they went up. */
const DEDUCTION_KINDS: ReadonlySet<AdjustableKind> = new Set<AdjustableKind>(['lateness', 'complaint-fine', 'conduct-penalty']);
const direction = (kind: AdjustableKind, amountFen: number): 'up' | 'down' => ((DEDUCTION_KINDS.has(kind) ? amountFen < 0 : amountFen > 0) ? 'up' : 'down');

const KIND_LABEL: Record<AdjustableKind, string> = {
  lateness: 'lateness deductions',
  'complaint-fine': 'complaint fines',
  'conduct-penalty': 'conduct penalties',
  commission: 'commission',
  bonus: 'bonus',
};

/** A stable key of the fact a command adds: the adjustment ids derive from it, so a retry finds them. */
function factKey(command: StaffMonthCommand): string {
  const d = command.data as unknown as Record<string, unknown>;
  switch (command.type) {
    case 'RecordPunch':
      return `punch:${command.data.signInAt ?? ''}/${command.data.signOutAt ?? ''}`;
    case 'DecideCorrection':
      return `correction:${command.data.correctionId}`;
    case 'RecordComplaintFine':
      return `fine:${command.data.fineId}`;
    case 'RecordConduct':
      return `conduct:${command.data.recordId}`;
    case 'EnterPayElement':
      return `pay:${command.data.entryId}`;
    default:
      return `${command.type}:${String(d['requestId'] ?? '')}`;
  }
}

function describeFact(events: StaffMonthEvent[]): string {
  return events
    .map((e) => {
      switch (e.type) {
        case 'SignedIn':
          return `sign-in on ${e.data.date} at ${shanghaiTime(e.data.at)} recorded`;
        case 'AttendanceCorrectionApproved':
          return `correction ${e.data.correctionId} for ${e.data.date} approved by ${e.data.approvedBy}`;
        case 'ComplaintFineRecorded':
          return `complaint upheld ${shanghaiDate(e.data.upheldAt)}${e.data.ticketId ? ` (ticket ${e.data.ticketId})` : ''}`;
        case 'ConductRecorded':
          return `conduct record ${e.data.recordId} (${e.data.kind})`;
        case 'PayElementEntered':
          return `${e.data.kind} entered by ${e.data.enteredBy}: ${e.data.reason}`;
        default:
          return null;
      }
    })
    .filter((t): t is string => t !== null)
    .join('; ');
}

/** HR-6: after the payslip was issued a fact changes nothing on it; the difference is due in a later month. */
function adjustmentsFor(command: StaffMonthCommand, state: StaffMonthState, facts: StaffMonthEvent[], policies: HrPolicies): PayslipAdjustmentDue[] {
  const payslip = state.payslip;
  if (!payslip || facts.length === 0 || command.type === 'CarryAdjustment' || command.type === 'IssuePayslip') return [];
  const month = state.month!;
  const asOf = monthEndInstant(month);
  const before = moneyByKind(state, payslip.employee, month, asOf, policies);
  const after = moneyByKind(facts.reduce(evolveStaffMonth, state), payslip.employee, month, asOf, policies);
  const key = factKey(command);
  return (Object.keys(before) as AdjustableKind[])
    .filter((kind) => after[kind] !== before[kind])
    .map((kind) => {
      const amountFen = after[kind] - before[kind];
      return {
        type: 'PayslipAdjustmentDue',
        data: {
          staffId: state.staffId!,
          month,
          adjustmentId: `${month}/${key}/${kind}`,
          originMonth: month,
          originPayslipEventId: payslip.eventId,
          kind,
          amountFen,
          explanation: `${KIND_LABEL[kind]} of ${month} ${direction(kind, amountFen)} by ${formatCny(fen(Math.abs(amountFen)))} after its payslip was issued: ${describeFact(facts)}`,
          dueAt: command.metadata.now,
        },
      };
    });
}

export function decideStaffMonth(command: StaffMonthCommand, state: StaffMonthState, policies: HrPolicies = DEFAULT_HR_POLICIES): StaffMonthEvent[] {
  if (state.staffId !== null && (state.staffId !== command.data.staffId || state.month !== command.data.month)) {
    throw new Error(`command for ${command.data.month}.${command.data.staffId} sent to ${state.month}.${state.staffId}`);
  }
  const facts = decideFacts(command, state, policies);
  return [...facts, ...adjustmentsFor(command, state, facts, policies)];
}

export const staffMonthDecider: Decider<StaffMonthState, StaffMonthCommand, StaffMonthEvent> = {
  initialState: initialStaffMonthState,
  decide: (command, state) => decideStaffMonth(command, state),
  evolve: evolveStaffMonth,
};

/** State of a stream's events (for views and tests). */
export const foldStaffMonth = (events: StaffMonthEvent[]): StaffMonthState => fold(staffMonthDecider, events);
