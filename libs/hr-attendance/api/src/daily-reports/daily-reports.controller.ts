import { Body, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { DateParam } from '../shared/params';
import { SubmitDailyReportDto } from './daily-reports.dto';
import { DailyReportsCommands } from './daily-reports.commands';

@CommandController('hr-attendance', 'hr-attendance daily reports')
export class DailyReportsController {
  constructor(private readonly commands: DailyReportsCommands) {}

  @Post('daily-reports/:date')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-5 the caller submits the day's report of customer contacts (one per working day, today or earlier)" })
  @DateParam('The working day reported (Asia/Shanghai)')
  @ApiCommandCreated()
  submit(@Param('date') date: string, @Body() dto: SubmitDailyReportDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submit(date, dto, ctx);
  }
}
