import type { DomainCommand } from '@ebp/shared-kernel';
import type { Employee } from '../employee/employee.decider';
import type { ComplaintSeverity } from '../shared/hr.policy';
import type { AdjustableKind, Complainant, ConductKind, CorrectionKind, LeaveKind, PayElementKind, PunchSource, ReportContact } from './staff-month.events';

/** Who acts, as the application layer resolved them: their staff id and whether they hold `hr-manager`. */
export interface HrActor {
  userId: string;
  hrManager: boolean;
}

interface OnStaffMonth {
  staffId: string;
  /** YYYY-MM: the stream's month; every date of the command lies in it. */
  month: string;
}

/** The employment record, loaded by the application layer (HR-1) for commands that need it. */
interface WithEmployee {
  employee: Employee;
}

/** HR-2: a sign-in and/or a sign-out of one day (own punch: the instant is now; an import row: the clock's times). */
export type RecordPunch = DomainCommand<'RecordPunch', OnStaffMonth & WithEmployee & { signInAt: string | null; signOutAt: string | null; source: PunchSource }>;
export type RequestLeave = DomainCommand<
  'RequestLeave',
  OnStaffMonth & WithEmployee & { requestId: string; from: string; to: string; kind: LeaveKind; reason: string }
>;
export type DecideLeave = DomainCommand<'DecideLeave', OnStaffMonth & WithEmployee & { requestId: string; approve: boolean; reason?: string | null; by: HrActor }>;
export type RequestCorrection = DomainCommand<
  'RequestCorrection',
  OnStaffMonth & WithEmployee & { correctionId: string; date: string; kind: CorrectionKind; reason: string; by: HrActor }
>;
export type DecideCorrection = DomainCommand<
  'DecideCorrection',
  OnStaffMonth & WithEmployee & { correctionId: string; approve: boolean; reason?: string | null; by: HrActor }
>;
export type SubmitDailyReport = DomainCommand<
  'SubmitDailyReport',
  OnStaffMonth & WithEmployee & { date: string; contacts: ReportContact[]; summary: string }
>;
export type RecordComplaintFine = DomainCommand<
  'RecordComplaintFine',
  OnStaffMonth & {
    fineId: string;
    complainant: Complainant;
    source: 'service-desk' | 'hr';
    ticketId: string | null;
    integrationEventId: string | null;
    severity: ComplaintSeverity;
    /** An explicit fine (HR's judgement); omitted = the severity's fine from the policy. Never below the policy's minimum. */
    fineFen?: number | null;
    finding: string;
    upheldBy: string;
    upheldAt: string;
    by: string;
  }
>;
export type RecordConduct = DomainCommand<
  'RecordConduct',
  OnStaffMonth & {
    recordId: string;
    kind: ConductKind;
    occurredAt: string;
    description: string;
    callMinutes?: number | null;
    sanction?: string | null;
    penaltyFen?: number | null;
    source: 'service-desk' | 'hr';
    findingId?: string | null;
    ticketId?: string | null;
    integrationEventId?: string | null;
    by: string;
  }
>;
export type EnterPayElement = DomainCommand<
  'EnterPayElement',
  OnStaffMonth & WithEmployee & { entryId: string; kind: PayElementKind; amountFen: number; reason: string; by: HrActor }
>;
/** HR-6: freeze the month's payslip (part of closing the payroll month). */
export type IssuePayslip = DomainCommand<'IssuePayslip', OnStaffMonth & WithEmployee & { by: string }>;
/** HR-6: land (or pass on) an adjustment due from an earlier closed month. */
export type CarryAdjustment = DomainCommand<
  'CarryAdjustment',
  OnStaffMonth & {
    adjustmentId: string;
    originMonth: string;
    originPayslipEventId: string | null;
    dueEventId: string;
    kind: AdjustableKind;
    amountFen: number;
    explanation: string;
  }
>;

export type StaffMonthCommand =
  | RecordPunch
  | RequestLeave
  | DecideLeave
  | RequestCorrection
  | DecideCorrection
  | SubmitDailyReport
  | RecordComplaintFine
  | RecordConduct
  | EnterPayElement
  | IssuePayslip
  | CarryAdjustment;
