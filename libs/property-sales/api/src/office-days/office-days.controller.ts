import { Body, HttpCode, Param, Post, applyDecorators } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { CodeParam, DayParam } from '../directory/sales-staff';
import { OfficeDaysCommands } from './office-days.commands';
import { AssignDutyAgencyDto, CheckInDto, HandOverDutyDto, InspectPremisesDto, ReconcileSalesControlDto, SubmitDayRecordsDto } from './office-days.dto';

const DayParams = () => applyDecorators(CodeParam('projectId', 'A registered project', 'lakeside'), DayParam('The office day (YYYY-MM-DD, Asia/Shanghai)'));
/** The duty agency's steps: its salespeople and supervisors (membership of the day's duty agency is checked on the agency stream). */
const DutyAgency = () => Roles('salesperson', 'agency-supervisor');

@CommandController('property-sales', 'property-sales office days')
export class OfficeDaysController {
  constructor(private readonly commands: OfficeDaysCommands) {}

  @Post('office-days/:projectId/:date/duty-agency')
  @HttpCode(200)
  @Roles('site-manager')
  @ApiOperation({ summary: "PS-10 the site manager assigns the day's duty agency (总值); not once it has taken over" })
  @DayParams()
  @ApiCommandOk()
  assignDutyAgency(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: AssignDutyAgencyDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.assignDutyAgency(projectId, date, dto, ctx);
  }

  @Post('office-days/:projectId/:date/check-ins')
  @Roles('salesperson', 'agency-supervisor')
  @ApiOperation({ summary: "PS-10 morning attendance: the caller checks in now for their agency; after 08:45 (policy) late; each agency's first check-in orders the 09:00 positions" })
  @DayParams()
  @ApiCommandCreated()
  checkIn(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: CheckInDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.checkIn(projectId, date, dto, ctx);
  }

  @Post('office-days/:projectId/:date/handover')
  @DutyAgency()
  @ApiOperation({ summary: "PS-10 the duty agency takes over from the previous day's: duty book, master sales control, items" })
  @DayParams()
  @ApiCommandCreated()
  handOver(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: HandOverDutyDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.handOver(projectId, date, dto, ctx);
  }

  @Post('office-days/:projectId/:date/inspections')
  @DutyAgency()
  @ApiOperation({ summary: 'PS-10 the duty agency records the sales-centre or model-unit inspection (once per area)' })
  @DayParams()
  @ApiCommandCreated()
  inspect(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: InspectPremisesDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.inspect(projectId, date, dto, ctx);
  }

  @Post('office-days/:projectId/:date/day-records')
  @DutyAgency()
  @ApiOperation({ summary: "PS-10 the duty agency submits the day's records to the developer's site supervisor; at or after 12:00 (policy) late" })
  @DayParams()
  @ApiCommandCreated()
  submitDayRecords(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: SubmitDayRecordsDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submitDayRecords(projectId, date, dto, ctx);
  }

  @Post('office-days/:projectId/:date/reconciliation')
  @DutyAgency()
  @ApiOperation({ summary: "PS-10 the duty agency reconciles sales control with the developer's site supervisor before leaving" })
  @DayParams()
  @ApiCommandCreated()
  reconcile(@Param('projectId') projectId: string, @Param('date') date: string, @Body() dto: ReconcileSalesControlDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.reconcile(projectId, date, dto, ctx);
  }
}
