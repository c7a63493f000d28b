import { Body, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { SubmitSupervisionReportDto, SupervisionReportReplySchema } from './report.dto';
import { SupervisionReportCommands } from './report.commands';

@CommandController('service-desk/supervision-reports', 'service-desk supervision reports')
export class SupervisionReportController {
  constructor(private readonly commands: SupervisionReportCommands) {}

  @Post(':month')
  @Roles('business-dept')
  @ApiOperation({ summary: 'SD-9 submit (or resubmit as a new version) an ended month\'s report to the general manager; freezes its figures' })
  @ApiParam({ name: 'month', description: 'An ended month (Asia/Shanghai)', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$', example: '2026-02' } })
  @ApiCommandCreated(SupervisionReportReplySchema)
  submit(@Param('month') month: string, @Body() dto: SubmitSupervisionReportDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submit(month, dto, ctx);
  }
}
