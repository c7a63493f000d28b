import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { hrStaffMonthsProjection } from '../attendance/staff-month.projection';
import { hrEmployeesProjection } from '../employees/employees.projection';
import { ApiOkText } from '@ebp/shared-nest';
import { MonthParam, StaffMonthParams } from '../shared/params';
import { payrollRegisterCsv, payrollRegisterHtml, payslipCsv, payslipHtml } from './payroll.export';
import { PAYROLL_READERS, HrPayrollQueries } from './payroll.queries';
import { HrPayrollRegisterSchema, HrPayslipSchema } from './payroll.schemas';
import { hrPayrollMonthsProjection } from './payroll-month.projection';

const PAYSLIP_SOURCES = [hrEmployeesProjection.name, hrStaffMonthsProjection.name];
const REGISTER_SOURCES = [hrEmployeesProjection.name, hrStaffMonthsProjection.name, hrPayrollMonthsProjection.name];

@ApiTags('hr-attendance payroll')
@ApiQueryErrors()
@Controller('hr-attendance')
export class HrPayrollQueryController {
  private readonly queries: HrPayrollQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new HrPayrollQueries(store);
  }

  @Get('payslips/:staffId/:month.csv')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...PAYSLIP_SOURCES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @StaffMonthParams()
  @ApiOperation({ summary: 'HR-6 payslip as CSV (header, line, total, attendance, later-adjustment rows; UTF-8 BOM): the person, their manager or hr-manager' })
  @ApiOkText('text/csv', 'section,kind,date,description,rule,amountFen,amount,eventIds rows with a UTF-8 BOM, CRLF line ends')
  async payslipCsv(@CurrentActor() actor: Actor, @Param('staffId') staffId: string, @Param('month') month: string) {
    return payslipCsv(await this.queries.payslip(actor, staffId, month, this.clock.now()));
  }

  @Get('payslips/:staffId/:month.html')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...PAYSLIP_SOURCES)
  @Header('content-type', 'text/html; charset=utf-8')
  @StaffMonthParams()
  @ApiOperation({ summary: 'HR-6 payslip as a printable HTML page: the person, their manager or hr-manager' })
  @ApiOkText('text/html', 'A printable payslip: lines with rules and events, totals, attendance, later adjustments')
  async payslipHtml(@CurrentActor() actor: Actor, @Param('staffId') staffId: string, @Param('month') month: string) {
    return payslipHtml(await this.queries.payslip(actor, staffId, month, this.clock.now()));
  }

  @Get('payslips/:staffId/:month')
  @Roles(...ANY_STAFF)
  @ReadsFrom(...PAYSLIP_SOURCES)
  @StaffMonthParams()
  @ApiOperation({
    summary: 'HR-6 payslip: closed = the frozen PayslipIssued lines, attendance and totals plus later adjustments (where they were carried); open = a preview computed as of now. The person, their manager or hr-manager',
  })
  @ApiOkResponse({ type: HrPayslipSchema })
  payslip(@CurrentActor() actor: Actor, @Param('staffId') staffId: string, @Param('month') month: string) {
    return this.queries.payslip(actor, staffId, month, this.clock.now());
  }

  @Get('payroll/:month.csv')
  @Roles(...PAYROLL_READERS)
  @ReadsFrom(...REGISTER_SOURCES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @MonthParam()
  @ApiOperation({ summary: 'HR-6 payroll register as CSV: payslip rows, department totals, overall total (UTF-8 BOM); hr-manager and finance' })
  @ApiOkText('text/csv', 'row,department,staffId,name,position,status,payslips,baseFen,… rows with a UTF-8 BOM, CRLF line ends')
  async registerCsv(@CurrentActor() actor: Actor, @Param('month') month: string) {
    return payrollRegisterCsv(await this.queries.register(actor, month, this.clock.now()));
  }

  @Get('payroll/:month.html')
  @Roles(...PAYROLL_READERS)
  @ReadsFrom(...REGISTER_SOURCES)
  @Header('content-type', 'text/html; charset=utf-8')
  @MonthParam()
  @ApiOperation({ summary: 'HR-6 payroll register as a printable HTML page; hr-manager and finance' })
  @ApiOkText('text/html', 'A printable register: every payslip, totals per department and overall')
  async registerHtml(@CurrentActor() actor: Actor, @Param('month') month: string) {
    return payrollRegisterHtml(await this.queries.register(actor, month, this.clock.now()));
  }

  @Get('payroll/:month')
  @Roles(...PAYROLL_READERS)
  @ReadsFrom(...REGISTER_SOURCES)
  @MonthParam()
  @ApiOperation({ summary: 'HR-6 payroll register: every payslip of the month (base, deductions, additions, net), totals per department and overall, closed or open; hr-manager and finance' })
  @ApiOkResponse({ type: HrPayrollRegisterSchema })
  register(@CurrentActor() actor: Actor, @Param('month') month: string) {
    return this.queries.register(actor, month, this.clock.now());
  }
}
