import { Body, Controller, Delete, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { AssignHolidayDutyDto, LogMonitoringCheckDto, SubmitWeeklyReportDto } from './duty.dto';
import { DutyCommands } from './duty.commands';
import { accepted, requestContext } from '../command-runner';

/** SD-15: customer-service managers (checked against the staff register) and the Office keep the roster. */
const ROSTER_KEEPERS = ['customer-service', 'office'] as const;

@ApiTags('service-desk duty')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk')
export class DutyController {
  constructor(private readonly commands: DutyCommands) {}

  @Post('weekly-reports/:week')
  @Roles('technical-service')
  @ApiOperation({ summary: 'SD-10 submit (or revise) the caller\'s weekly report for an ISO week (2026-W10); late after the policy deadline' })
  async submitWeeklyReport(
    @Param('week') week: string,
    @Body() dto: SubmitWeeklyReportDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.submitWeeklyReport(week, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('holiday-duty/assignments')
  @Roles(...ROSTER_KEEPERS)
  @ApiOperation({ summary: 'SD-15 put a customer-service staff member on duty for a statutory holiday day' })
  async assign(
    @Body() dto: AssignHolidayDutyDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.assignHolidayDuty(dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Delete('holiday-duty/assignments/:date/:staffId')
  @HttpCode(200)
  @Roles(...ROSTER_KEEPERS)
  @ApiOperation({ summary: 'SD-15 take a staff member off holiday duty for a day' })
  async remove(
    @Param('date') date: string,
    @Param('staffId') staffId: string,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.removeHolidayDuty(date, staffId, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('holiday-duty/checks')
  @Roles('customer-service')
  @ApiOperation({ summary: "SD-15 log a monitoring check of a customer's site on the caller's holiday duty day; a problem opens a ticket" })
  async logCheck(
    @Body() dto: LogMonitoringCheckDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.logMonitoringCheck(dto, requestContext(actor, ifMatch, correlationId)));
  }
}
