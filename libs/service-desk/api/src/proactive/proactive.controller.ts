import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { RESEARCH_VISIT_LEADER_ROLES } from '@ebp/service-desk-domain';
import { CloseResearchVisitDto, OpenResearchVisitDto, RecordInspectionDto, RecordSatisfactionSurveyDto, RecordVisitFeedbackDto } from './proactive.dto';
import { ProactiveCommands } from './proactive.commands';
import { accepted, requestContext } from '../command-runner';

/** SD-16: surveys are run by customer service or the business department. */
const SURVEYORS = ['customer-service', 'business-dept'] as const;

@ApiTags('service-desk proactive')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk')
export class ProactiveController {
  constructor(private readonly commands: ProactiveCommands) {}

  @Post('inspections')
  @Roles('project-manager')
  @ApiOperation({ summary: 'SD-16 record a quality inspection (巡检) of a project; each finding opens an on-site service-request ticket' })
  async recordInspection(
    @Body() dto: RecordInspectionDto,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordInspection(dto, requestContext(actor, undefined, correlationId)));
  }

  @Post('satisfaction-surveys')
  @Roles(...SURVEYORS)
  @ApiOperation({ summary: 'SD-16 record a satisfaction survey (five dimensions scored 1–5); a low score opens a follow-up ticket' })
  async recordSurvey(
    @Body() dto: RecordSatisfactionSurveyDto,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordSatisfactionSurvey(dto, requestContext(actor, undefined, correlationId)));
  }

  @Post('research-visits')
  @Roles(...RESEARCH_VISIT_LEADER_ROLES)
  @ApiOperation({ summary: 'SD-16 open a service research visit to a customer, led by the general manager or the business department' })
  async openVisit(
    @Body() dto: OpenResearchVisitDto,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.openResearchVisit(dto, requestContext(actor, undefined, correlationId)));
  }

  @Post('research-visits/:visitId/feedback')
  @Roles(...RESEARCH_VISIT_LEADER_ROLES)
  @ApiOperation({ summary: 'SD-16 record an opinion, suggestion or complaint heard on an open visit; a complaint opens a complaint ticket' })
  async recordFeedback(
    @Param('visitId') visitId: string,
    @Body() dto: RecordVisitFeedbackDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordVisitFeedback(visitId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('research-visits/:visitId/close')
  @HttpCode(200)
  @Roles(...RESEARCH_VISIT_LEADER_ROLES)
  @ApiOperation({ summary: 'SD-16 close a research visit with its summary and solution plan (both required); no feedback afterwards' })
  async close(
    @Param('visitId') visitId: string,
    @Body() dto: CloseResearchVisitDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.closeResearchVisit(visitId, dto, requestContext(actor, ifMatch, correlationId)));
  }
}
