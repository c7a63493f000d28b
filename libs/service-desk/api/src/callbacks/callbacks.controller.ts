import { Body, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { DeliverProjectDto, RecordCallbackDto, RecordGiftSentDto, RecordNeedsPlanDto } from './callbacks.dto';
import { CallbacksCommands } from './callbacks.commands';

/** SD-11: who may hand a project over to the customer. */
const DELIVERERS = ['project-manager', 'business-dept', 'customer-service'] as const;

const ProjectId = () => ApiParam({ name: 'projectId', description: 'A registered project; its callback file has the same id' });
const Year = () => ApiParam({ name: 'year', type: 'integer', example: 2026, description: 'The campaign year, run in its December' });

@CommandController('service-desk', 'service-desk callbacks')
export class CallbacksController {
  constructor(private readonly commands: CallbacksCommands) {}

  @Post('callbacks/projects/:projectId/delivery')
  @Roles(...DELIVERERS)
  @ApiOperation({ summary: 'SD-11 deliver a project: opens its callback file' })
  @ProjectId()
  @ApiCommandCreated()
  deliver(@Param('projectId') projectId: string, @Body() dto: DeliverProjectDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.deliverProject(projectId, dto, ctx);
  }

  @Post('callbacks/projects/:projectId/callbacks')
  @Roles('customer-service')
  @ApiOperation({ summary: 'SD-11 record a callback (outcome, notes, satisfaction 1–5); it counts for the window containing calledAt' })
  @ProjectId()
  @ApiCommandCreated()
  recordCallback(@Param('projectId') projectId: string, @Body() dto: RecordCallbackDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordCallback(projectId, dto, ctx);
  }

  @Post('needs-campaigns/:year/gifts')
  @HttpCode(201)
  @Roles('customer-service')
  @ApiOperation({ summary: 'SD-12 record the New Year gift sent to a customer (December of the campaign year)' })
  @Year()
  @ApiCommandCreated()
  giftSent(@Param('year', ParseIntPipe) year: number, @Body() dto: RecordGiftSentDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordGiftSent(year, dto, ctx);
  }

  @Post('needs-campaigns/:year/needs-plans')
  @HttpCode(201)
  @Roles('customer-service')
  @ApiOperation({ summary: "SD-12 record a customer's needs plan for the next year (surveyed in December of the campaign year)" })
  @Year()
  @ApiCommandCreated()
  needsPlan(@Param('year', ParseIntPipe) year: number, @Body() dto: RecordNeedsPlanDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordNeedsPlan(year, dto, ctx);
  }
}
