import type { AdjustableKind, PayslipLine, PayslipLineKind, PayslipTotals } from '@ebp/hr-attendance-domain';
import { HrAttendanceSummarySchema } from '../attendance/attendance.schemas';
import { ApiDate, ApiEnum, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText, ApiTextList, membersOf } from '@ebp/shared-nest';
import { HrPersonSchema } from '../shared/person.schema';
import type { DepartmentPayrollTotals, LaterAdjustment, PayrollRegisterView, PayrollRow, PayrollTotals, PayslipStatus, PayslipView } from './payroll.queries';

const LINE_KINDS = membersOf<PayslipLineKind>({ base: true, lateness: true, 'complaint-fine': true, 'conduct-penalty': true, commission: true, bonus: true, adjustment: true });
const ADJUSTABLE = membersOf<AdjustableKind>({ lateness: true, 'complaint-fine': true, 'conduct-penalty': true, commission: true, bonus: true });
const STATUS = membersOf<PayslipStatus>({ closed: true, open: true });
const MONTH = { example: '2026-03', description: 'YYYY-MM (Asia/Shanghai)' };

export class HrPayslipCitationSchema {
  @ApiText(MONTH) month!: string;
  @ApiText({ nullable: true, description: 'The PayslipIssued event of that month' }) payslipEventId!: string | null;
  @ApiText() adjustmentId!: string;
  @ApiText({ nullable: true, description: 'The PayslipAdjustmentDue event' }) dueEventId!: string | null;
}

export class HrPayslipLineSchema implements PayslipLine {
  @ApiEnum(LINE_KINDS) kind!: PayslipLineKind;
  @ApiInt({ description: 'Signed fen: deductions are negative' }) amountFen!: number;
  @ApiText() description!: string;
  @ApiText({ example: 'HR-3', description: 'The rule the line applies' }) rule!: string;
  @ApiDate({ nullable: true }) date!: string | null;
  @ApiTextList({ description: 'HR-6: the events behind the line' }) eventIds!: string[];
  @ApiNested(HrPayslipCitationSchema, { nullable: true, description: 'An adjustment: the closed month it corrects' }) cites!: HrPayslipCitationSchema | null;
}

export class HrPayslipTotalsSchema implements PayslipTotals {
  @ApiInt() baseFen!: number;
  @ApiInt({ maximum: 0 }) deductionsFen!: number;
  @ApiInt({ minimum: 0 }) additionsFen!: number;
  @ApiInt() netFen!: number;
}

export class HrLaterAdjustmentSchema implements LaterAdjustment {
  @ApiText() adjustmentId!: string;
  @ApiEnum(ADJUSTABLE) kind!: AdjustableKind;
  @ApiInt({ description: 'Signed fen' }) amountFen!: number;
  @ApiText() explanation!: string;
  @ApiText({ nullable: true }) dueEventId!: string | null;
  @ApiText({ nullable: true, description: 'The later month whose payslip carries it; null while on its way' }) carriedTo!: string | null;
  @ApiText({ nullable: true }) carriedEventId!: string | null;
}

export class HrPayslipSchema implements PayslipView {
  @ApiText() staffId!: string;
  @ApiText(MONTH) month!: string;
  @ApiEnum(STATUS, { description: 'closed: frozen as issued; open: a preview as of asOf' }) status!: PayslipStatus;
  @ApiInstant() asOf!: string;
  @ApiInstant({ nullable: true }) issuedAt!: string | null;
  @ApiText({ nullable: true }) payslipEventId!: string | null;
  @ApiNested(HrPersonSchema) person!: HrPersonSchema;
  @ApiNestedList(HrPayslipLineSchema) lines!: HrPayslipLineSchema[];
  @ApiNested(HrPayslipTotalsSchema) totals!: HrPayslipTotalsSchema;
  @ApiNested(HrAttendanceSummarySchema) attendance!: HrAttendanceSummarySchema;
  @ApiNestedList(HrLaterAdjustmentSchema, { description: 'HR-6: differences found after close, carried to later months' }) laterAdjustments!: HrLaterAdjustmentSchema[];
}

export class HrPayrollTotalsSchema implements PayrollTotals {
  @ApiInt({ minimum: 0 }) payslips!: number;
  @ApiInt() baseFen!: number;
  @ApiInt({ maximum: 0 }) deductionsFen!: number;
  @ApiInt({ minimum: 0 }) additionsFen!: number;
  @ApiInt() netFen!: number;
}

export class HrDepartmentPayrollTotalsSchema extends HrPayrollTotalsSchema implements DepartmentPayrollTotals {
  @ApiText() department!: string;
}

export class HrPayrollRowSchema extends HrPersonSchema implements PayrollRow {
  @ApiEnum(STATUS) status!: PayslipStatus;
  @ApiText({ nullable: true }) payslipEventId!: string | null;
  @ApiInt() baseFen!: number;
  @ApiInt({ maximum: 0 }) deductionsFen!: number;
  @ApiInt({ minimum: 0 }) additionsFen!: number;
  @ApiInt() netFen!: number;
}

export class HrPayrollRegisterSchema implements PayrollRegisterView {
  @ApiText(MONTH) month!: string;
  @ApiEnum(STATUS) status!: PayslipStatus;
  @ApiInstant() asOf!: string;
  @ApiInstant({ nullable: true }) closedAt!: string | null;
  @ApiText({ nullable: true }) closedBy!: string | null;
  @ApiNestedList(HrPayrollRowSchema, { description: 'By department, then staff id' }) items!: HrPayrollRowSchema[];
  @ApiNestedList(HrDepartmentPayrollTotalsSchema) departments!: HrDepartmentPayrollTotalsSchema[];
  @ApiNested(HrPayrollTotalsSchema) totals!: HrPayrollTotalsSchema;
  @ApiTextList({ description: 'Closed month: staff employed in it without an issued payslip' }) missingPayslips!: string[];
}
