import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import {
  computePayslip,
  initialStaffMonthState,
  type AdjustableKind,
  type AttendanceSummary,
  type Employee,
  type PayrollMonthState,
  type PayslipLine,
  type PayslipTotals,
  type StaffMonthState,
} from '@ebp/hr-attendance-domain';
import { monthEndInstant } from '@ebp/shared-kernel';
import { StaffMonthReads } from '../attendance/staff-months.reads';
import { HrEmployeeQueries } from '../employees/employees.queries';
import { FINANCE_ROLE, HR_MANAGER_ROLE, HrAccess, employedInMonth, type HrReader } from '../shared/access';
import { requireMonth, requireStaffId } from '../shared/params';
import { personOf, type HrPersonRef } from '../shared/person';
import { PAYROLL_MONTHS_COLLECTION } from './payroll-month.projection';

export type PayslipStatus = 'closed' | 'open';

/** HR-6: a difference found after the payslip was issued, and the month it landed on. */
export interface LaterAdjustment {
  adjustmentId: string;
  kind: AdjustableKind;
  amountFen: number;
  explanation: string;
  /** The PayslipAdjustmentDue event on this month. */
  dueEventId: string | null;
  /** The later month whose payslip carries it; null while it is on its way (next open month). */
  carriedTo: string | null;
  carriedEventId: string | null;
}

/** HR-6: closed = the frozen payslip exactly as issued; open = a preview computed as of `asOf`. */
export interface PayslipView {
  staffId: string;
  month: string;
  status: PayslipStatus;
  /** The instant the days were judged at: the month's end for an issued payslip, now for a preview. */
  asOf: string;
  issuedAt: string | null;
  payslipEventId: string | null;
  person: HrPersonRef;
  lines: PayslipLine[];
  totals: PayslipTotals;
  attendance: AttendanceSummary;
  /** Closed months only: corrections that arrived after issue, each carried to a later month (never an edit). */
  laterAdjustments: LaterAdjustment[];
}

export interface PayrollTotals {
  payslips: number;
  baseFen: number;
  deductionsFen: number;
  additionsFen: number;
  netFen: number;
}

export interface DepartmentPayrollTotals extends PayrollTotals {
  department: string;
}

export interface PayrollRow extends HrPersonRef {
  status: PayslipStatus;
  payslipEventId: string | null;
  baseFen: number;
  deductionsFen: number;
  additionsFen: number;
  netFen: number;
}

/** HR-6: the month's payroll register (hr-manager, finance). */
export interface PayrollRegisterView {
  month: string;
  /** closed: the payroll month was closed; open: rows not yet issued are previews as of `asOf`. */
  status: PayslipStatus;
  asOf: string;
  closedAt: string | null;
  closedBy: string | null;
  /** By department, then staff id. */
  items: PayrollRow[];
  departments: DepartmentPayrollTotals[];
  totals: PayrollTotals;
  /** Closed month: staff employed in it without an issued payslip (closing again issues them). */
  missingPayslips: string[];
}

export const PAYROLL_READERS = [HR_MANAGER_ROLE, FINANCE_ROLE] as const;

const zero = (): PayrollTotals => ({ payslips: 0, baseFen: 0, deductionsFen: 0, additionsFen: 0, netFen: 0 });

function add(into: PayrollTotals, t: PayslipTotals): void {
  into.payslips += 1;
  into.baseFen += t.baseFen;
  into.deductionsFen += t.deductionsFen;
  into.additionsFen += t.additionsFen;
  into.netFen += t.netFen;
}

/** HR-6 payslips and the payroll register. */
export class HrPayrollQueries {
  private readonly employees: HrEmployeeQueries;
  private readonly access: HrAccess;
  private readonly staffMonths: StaffMonthReads;

  constructor(private readonly store: ReadModelStore) {
    this.employees = new HrEmployeeQueries(store);
    this.access = new HrAccess(this.employees);
    this.staffMonths = new StaffMonthReads(store);
  }

  /** HR-6: one payslip (the person, their manager, hr-manager): frozen once issued, else a preview as of `now`. */
  async payslip(reader: HrReader, staffId: string, month: string, now: string): Promise<PayslipView> {
    requireStaffId(staffId, 'HR-6');
    requireMonth(month, 'HR-6');
    const employee = await this.access.person(reader, staffId, 'HR-6', 'payslips');
    const state = await this.staffMonths.get(month, staffId);
    if (state.payslip) {
      const p = state.payslip;
      return {
        staffId,
        month,
        status: 'closed',
        asOf: monthEndInstant(month),
        issuedAt: p.issuedAt,
        payslipEventId: p.eventId,
        person: personOf(p.employee),
        lines: p.lines,
        totals: p.totals,
        attendance: p.attendance,
        laterAdjustments: await this.laterAdjustments(state),
      };
    }
    if (!employee) throw new DomainError('HR-1', `staff member ${staffId} has no employment record`, 'not-found', 'staffId');
    if (!employedInMonth(employee, month)) throw new DomainError('HR-6', `staff member ${staffId} is not employed on any working day of ${month}`, 'not-found', 'month');
    const preview = computePayslip(state, employee, month, now);
    return {
      staffId,
      month,
      status: 'open',
      asOf: now,
      issuedAt: null,
      payslipEventId: null,
      person: personOf(employee),
      ...preview,
      laterAdjustments: [],
    };
  }

  /** HR-6: every payslip of the month with totals per department and overall (hr-manager, finance). */
  async register(reader: HrReader, month: string, now: string): Promise<PayrollRegisterView> {
    this.access.requireRole(reader, PAYROLL_READERS, 'HR-6', 'the payroll register');
    requireMonth(month, 'HR-6');
    const closed = (await this.store.get<PayrollMonthState>(PAYROLL_MONTHS_COLLECTION, month))?.doc ?? null;
    const states = await this.staffMonths.ofMonth(month);
    const employed = await this.employees.employedIn(month);
    const rows: PayrollRow[] = [];
    const issued = new Set<string>();
    for (const state of states.values()) {
      if (!state.payslip) continue;
      issued.add(state.staffId!);
      rows.push({ ...personOf(state.payslip.employee), status: 'closed', payslipEventId: state.payslip.eventId, ...state.payslip.totals });
    }
    const isClosed = closed?.status === 'closed';
    if (!isClosed) {
      for (const employee of employed) {
        if (issued.has(employee.staffId)) continue;
        rows.push(this.previewRow(employee, states.get(employee.staffId), month, now));
      }
    }
    rows.sort((a, b) => a.department.localeCompare(b.department) || a.staffId.localeCompare(b.staffId));
    const totals = zero();
    const departments = new Map<string, DepartmentPayrollTotals>();
    for (const row of rows) {
      add(totals, row);
      const dept = departments.get(row.department) ?? { department: row.department, ...zero() };
      add(dept, row);
      departments.set(row.department, dept);
    }
    return {
      month,
      status: isClosed ? 'closed' : 'open',
      asOf: isClosed ? monthEndInstant(month) : now,
      closedAt: closed?.status === 'closed' ? closed.closedAt : null,
      closedBy: closed?.status === 'closed' ? closed.closedBy : null,
      items: rows,
      departments: [...departments.values()],
      totals,
      missingPayslips: isClosed ? employed.filter((e) => !issued.has(e.staffId)).map((e) => e.staffId) : [],
    };
  }

  private previewRow(employee: Employee, state: StaffMonthState | undefined, month: string, now: string): PayrollRow {
    const { totals } = computePayslip(state ?? initialStaffMonthState(), employee, month, now);
    return { ...personOf(employee), status: 'open', payslipEventId: null, ...totals };
  }

  /** The adjustments due on a closed month for its own facts, each with the later month that carries it. */
  private async laterAdjustments(state: StaffMonthState): Promise<LaterAdjustment[]> {
    const own = state.adjustmentsDue.filter((a) => a.originMonth === state.month);
    if (own.length === 0) return [];
    const later = await this.staffMonths.ofStaff(state.staffId!, { after: state.month! });
    return own.map((a) => {
      const landed = later.map((s) => ({ month: s.month!, carried: s.adjustmentsCarried.find((c) => c.adjustmentId === a.adjustmentId) })).find((x) => x.carried);
      return {
        adjustmentId: a.adjustmentId,
        kind: a.kind,
        amountFen: a.amountFen,
        explanation: a.explanation,
        dueEventId: a.dueEventId,
        carriedTo: landed?.month ?? null,
        carriedEventId: landed?.carried?.eventId ?? null,
      };
    });
  }
}
