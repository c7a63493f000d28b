import { Body, Controller, Headers, HttpCode, Param, ParseIntPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { DeliverProjectDto, RecordCallbackDto, RecordGiftSentDto, RecordNeedsPlanDto } from './callbacks.dto';
import { CallbacksCommands } from './callbacks.commands';
import { accepted, requestContext } from '../command-runner';

/** SD-11: who may hand a project over to the customer. */
const DELIVERERS = ['project-manager', 'business-dept', 'customer-service'] as const;

@ApiTags('service-desk callbacks')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk')
export class CallbacksController {
  constructor(private readonly commands: CallbacksCommands) {}

  @Post('callbacks/projects/:projectId/delivery')
  @Roles(...DELIVERERS)
  @ApiOperation({ summary: 'SD-11 deliver a project: opens its callback file' })
  async deliver(
    @Param('projectId') projectId: string,
    @Body() dto: DeliverProjectDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.deliverProject(projectId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('callbacks/projects/:projectId/callbacks')
  @Roles('customer-service')
  @ApiOperation({ summary: 'SD-11 record a callback (outcome, notes, satisfaction 1–5); it counts for the window containing calledAt' })
  async recordCallback(
    @Param('projectId') projectId: string,
    @Body() dto: RecordCallbackDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordCallback(projectId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('needs-campaigns/:year/gifts')
  @HttpCode(201)
  @Roles('customer-service')
  @ApiOperation({ summary: 'SD-12 record the New Year gift sent to a customer (December of the campaign year)' })
  async giftSent(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: RecordGiftSentDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordGiftSent(year, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('needs-campaigns/:year/needs-plans')
  @HttpCode(201)
  @Roles('customer-service')
  @ApiOperation({ summary: "SD-12 record a customer's needs plan for the next year (surveyed in December of the campaign year)" })
  async needsPlan(
    @Param('year', ParseIntPipe) year: number,
    @Body() dto: RecordNeedsPlanDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordNeedsPlan(year, dto, requestContext(actor, ifMatch, correlationId)));
  }
}
