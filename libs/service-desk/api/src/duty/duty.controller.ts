import { Body, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { AssignHolidayDutyDto, LogMonitoringCheckDto, SubmitWeeklyReportDto } from './duty.dto';
import { DutyCommands } from './duty.commands';

/** SD-15: customer-service managers (checked against the staff register) and the Office keep the roster. */
const ROSTER_KEEPERS = ['customer-service', 'office'] as const;

@CommandController('service-desk', 'service-desk duty')
export class DutyController {
  constructor(private readonly commands: DutyCommands) {}

  @Post('weekly-reports/:week')
  @Roles('technical-service')
  @ApiOperation({ summary: 'SD-10 submit (or revise) the caller\'s weekly report for an ISO week (2026-W10); late after the policy deadline' })
  @ApiParam({ name: 'week', description: 'ISO week YYYY-Www', schema: { type: 'string', pattern: '^\\d{4}-W\\d{2}$', example: '2026-W10' } })
  @ApiCommandCreated()
  submitWeeklyReport(@Param('week') week: string, @Body() dto: SubmitWeeklyReportDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submitWeeklyReport(week, dto, ctx);
  }

  @Post('holiday-duty/assignments')
  @Roles(...ROSTER_KEEPERS)
  @ApiOperation({ summary: 'SD-15 put a customer-service staff member on duty for a statutory holiday day' })
  @ApiCommandCreated()
  assign(@Body() dto: AssignHolidayDutyDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.assignHolidayDuty(dto, ctx);
  }

  @Delete('holiday-duty/assignments/:date/:staffId')
  @HttpCode(200)
  @Roles(...ROSTER_KEEPERS)
  @ApiOperation({ summary: 'SD-15 take a staff member off holiday duty for a day' })
  @ApiParam({ name: 'date', description: 'The statutory holiday day (Asia/Shanghai)', schema: { type: 'string', format: 'date', example: '2026-02-17' } })
  @ApiParam({ name: 'staffId', description: 'The staff member on duty that day' })
  @ApiCommandOk()
  remove(@Param('date') date: string, @Param('staffId') staffId: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.removeHolidayDuty(date, staffId, ctx);
  }

  @Post('holiday-duty/checks')
  @Roles('customer-service')
  @ApiOperation({ summary: "SD-15 log a monitoring check of a customer's site on the caller's holiday duty day; a problem opens a ticket" })
  @ApiCommandCreated()
  logCheck(@Body() dto: LogMonitoringCheckDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.logMonitoringCheck(dto, ctx);
  }
}
