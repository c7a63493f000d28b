import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { MonthParam } from '../shared/params';
import { PayrollCloseReplySchema } from './payroll.dto';
import { PayrollCommands } from './payroll.commands';

@CommandController('hr-attendance', 'hr-attendance payroll')
export class PayrollController {
  constructor(private readonly commands: PayrollCommands) {}

  @Post('payroll/:month/close')
  @HttpCode(200)
  @Roles('hr-manager')
  @ApiOperation({
    summary: 'HR-6 close an ended month: freeze a payslip for everyone employed in it, then close the payroll month',
    description:
      'Refused (422 HR-6) before the month has ended, before any payslip is issued. Closing again is a no-op that still issues any payslip ' +
      'missing (e.g. a close that failed half-way). If-Match is the payroll month\'s revision. Facts reaching a closed month later become adjustments on the next open month.',
  })
  @MonthParam('The month to close (YYYY-MM, Asia/Shanghai)')
  @ApiCommandOk(PayrollCloseReplySchema)
  close(@Param('month') month: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.close(month, ctx);
  }
}
