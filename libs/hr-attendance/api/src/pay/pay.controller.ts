import { Body, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { EnterPayElementDto } from './pay.dto';
import { PayCommands } from './pay.commands';

@CommandController('hr-attendance', 'hr-attendance pay')
export class PayController {
  constructor(private readonly commands: PayCommands) {}

  @Post('pay-elements')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-6 the staff member's manager (hr-manager for someone without one) enters commission or bonus for a month" })
  @ApiCommandCreated()
  enter(@Body() dto: EnterPayElementDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.enterPayElement(dto, ctx);
  }
}
