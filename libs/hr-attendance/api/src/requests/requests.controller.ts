import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { MonthEntityIdParam } from '../shared/params';
import { DecisionDto, RequestCorrectionDto, RequestLeaveDto } from './requests.dto';
import { RequestsCommands } from './requests.commands';

// Who may decide depends on the staff member's record (their manager), so the decider checks it (403).
@CommandController('hr-attendance', 'hr-attendance leave and corrections')
export class RequestsController {
  constructor(private readonly commands: RequestsCommands) {}

  @Post('leave-requests')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'HR-2 the caller requests leave for days of one calendar month; approved leave excuses those working days' })
  @ApiCommandCreated()
  requestLeave(@Body() dto: RequestLeaveDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.requestLeave(dto, ctx);
  }

  @Post('leave-requests/:id/approve')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-2 the staff member's manager (hr-manager for someone without one) approves the leave" })
  @MonthEntityIdParam('leave request')
  @ApiCommandOk()
  approveLeave(@Param('id') id: string, @Body() dto: DecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.decideLeave(id, true, dto, ctx);
  }

  @Post('leave-requests/:id/reject')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-2 the staff member's manager (hr-manager for someone without one) rejects the leave" })
  @MonthEntityIdParam('leave request')
  @ApiCommandOk()
  rejectLeave(@Param('id') id: string, @Body() dto: DecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.decideLeave(id, false, dto, ctx);
  }

  @Post('attendance-corrections')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'HR-2 the caller asks to correct a late arrival or absence (forgotten punch, field work) on a past working day' })
  @ApiCommandCreated()
  requestCorrection(@Body() dto: RequestCorrectionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.requestCorrection(dto, ctx);
  }

  @Post('attendance-corrections/:id/approve')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-2 the staff member's manager approves the correction: the day's late arrival or absence is cleared" })
  @MonthEntityIdParam('correction')
  @ApiCommandOk()
  approveCorrection(@Param('id') id: string, @Body() dto: DecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.decideCorrection(id, true, dto, ctx);
  }

  @Post('attendance-corrections/:id/reject')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "HR-2 the staff member's manager rejects the correction" })
  @MonthEntityIdParam('correction')
  @ApiCommandOk()
  rejectCorrection(@Param('id') id: string, @Body() dto: DecisionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.decideCorrection(id, false, dto, ctx);
  }
}
