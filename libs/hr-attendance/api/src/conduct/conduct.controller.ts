import { Body, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { RecordComplaintDto, RecordConductDto } from './conduct.dto';
import { ConductCommands } from './conduct.commands';

@CommandController('hr-attendance', 'hr-attendance complaints and conduct')
export class ConductController {
  constructor(private readonly commands: ConductCommands) {}

  @Post('complaints')
  @Roles('hr-manager')
  @ApiOperation({ summary: 'HR-4 record an upheld complaint (from a sales colleague or a customer) against a staff member: a fine by severity, at least ¥10' })
  @ApiCommandCreated()
  recordComplaint(@Body() dto: RecordComplaintDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordComplaint(dto, ctx);
  }

  @Post('conduct-records')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-7 hr-manager or the staff member's manager records a conduct violation with its sanction and penalty" })
  @ApiCommandCreated()
  recordConduct(@Body() dto: RecordConductDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordConduct(dto, ctx);
  }
}
