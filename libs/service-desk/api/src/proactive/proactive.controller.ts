import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { RESEARCH_VISIT_LEADER_ROLES } from '@ebp/service-desk-domain';
import {
  CloseResearchVisitDto,
  OpenResearchVisitDto,
  RecordInspectionDto,
  RecordSatisfactionSurveyDto,
  RecordVisitFeedbackDto,
} from './proactive.dto';
import { ProactiveCommands } from './proactive.commands';

/** SD-16: surveys are run by customer service or the business department. */
const SURVEYORS = ['customer-service', 'business-dept'] as const;

const VisitId = () => ApiParam({ name: 'visitId', description: 'The research visit: the id in the reply that opened it' });

@CommandController('service-desk', 'service-desk proactive')
export class ProactiveController {
  constructor(private readonly commands: ProactiveCommands) {}

  @Post('inspections')
  @Roles('project-manager')
  @ApiOperation({ summary: 'SD-16 record a quality inspection (巡检) of a project; each finding opens an on-site service-request ticket' })
  @ApiCommandCreated()
  recordInspection(@Body() dto: RecordInspectionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordInspection(dto, ctx);
  }

  @Post('satisfaction-surveys')
  @Roles(...SURVEYORS)
  @ApiOperation({ summary: 'SD-16 record a satisfaction survey (five dimensions scored 1–5); a low score opens a follow-up ticket' })
  @ApiCommandCreated()
  recordSurvey(@Body() dto: RecordSatisfactionSurveyDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordSatisfactionSurvey(dto, ctx);
  }

  @Post('research-visits')
  @Roles(...RESEARCH_VISIT_LEADER_ROLES)
  @ApiOperation({ summary: 'SD-16 open a service research visit to a customer, led by the general manager or the business department' })
  @ApiCommandCreated()
  openVisit(@Body() dto: OpenResearchVisitDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.openResearchVisit(dto, ctx);
  }

  @Post('research-visits/:visitId/feedback')
  @Roles(...RESEARCH_VISIT_LEADER_ROLES)
  @ApiOperation({ summary: 'SD-16 record an opinion, suggestion or complaint heard on an open visit; a complaint opens a complaint ticket' })
  @VisitId()
  @ApiCommandCreated()
  recordFeedback(@Param('visitId') visitId: string, @Body() dto: RecordVisitFeedbackDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordVisitFeedback(visitId, dto, ctx);
  }

  @Post('research-visits/:visitId/close')
  @HttpCode(200)
  @Roles(...RESEARCH_VISIT_LEADER_ROLES)
  @ApiOperation({ summary: 'SD-16 close a research visit with its summary and solution plan (both required); no feedback afterwards' })
  @VisitId()
  @ApiCommandOk()
  close(@Param('visitId') visitId: string, @Body() dto: CloseResearchVisitDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.closeResearchVisit(visitId, dto, ctx);
  }
}
