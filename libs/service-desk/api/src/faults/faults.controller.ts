import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import {
  CompletionDto,
  DepartmentOpinionDto,
  EscalateFaultDto,
  FaultAnalysisDto,
  FaultProgressDto,
  OpenCollaborationDto,
  RaiseDisputeDto,
  ReportFaultDto,
  ResolveFaultDto,
  RuleOnDisputeDto,
} from './faults.dto';
import { FaultsCommands } from './faults.commands';
import { accepted, requestContext } from '../command-runner';

// Per-fault permissions (manager in charge, technical service) depend on the fault, so the decider checks them (403).
@ApiTags('service-desk commands')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk/faults')
export class FaultsController {
  constructor(private readonly commands: FaultsCommands) {}

  @Post()
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 report a major fault; the business signer and manager in charge are notified' })
  async report(@Body() dto: ReportFaultDto, @CurrentActor() actor: Actor, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.commands.reportFault(dto, requestContext(actor, undefined, cid));
    return accepted(reply, result, `/service-desk/faults/${result.id}`);
  }

  @Post(':faultId/acknowledge')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 the manager in charge records the fault' })
  async acknowledge(@Param('faultId') id: string, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.acknowledge(id, requestContext(actor, ifMatch, cid)));
  }

  @Post(':faultId/escalate')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 the manager in charge (or the general manager) informs top leadership' })
  async escalate(@Param('faultId') id: string, @Body() dto: EscalateFaultDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.escalate(id, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':faultId/progress')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 progress note by the manager in charge or technical service' })
  async progress(@Param('faultId') id: string, @Body() dto: FaultProgressDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.progress(id, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':faultId/resolve')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 the fault ended (technical service or the manager in charge); the analysis falls due' })
  async resolve(@Param('faultId') id: string, @Body() dto: ResolveFaultDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.resolve(id, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':faultId/analysis')
  @HttpCode(200)
  @Roles('technical-service')
  @ApiOperation({ summary: 'SD-14 the technical service supervisor files the fault analysis report' })
  async analysis(@Param('faultId') id: string, @Body() dto: FaultAnalysisDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.fileAnalysis(id, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':faultId/close')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 close; refused without the analysis report' })
  async close(@Param('faultId') id: string, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.close(id, requestContext(actor, ifMatch, cid)));
  }
}

@ApiTags('service-desk commands')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk/collaborations')
export class CollaborationsController {
  constructor(private readonly commands: FaultsCommands) {}

  @Post()
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 open a collaboration led by the requesting department' })
  async open(@Body() dto: OpenCollaborationDto, @CurrentActor() actor: Actor, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.commands.openCollaboration(dto, requestContext(actor, undefined, cid));
    return accepted(reply, result, `/service-desk/collaborations/${result.id}`);
  }

  @Post(':collaborationId/disputes')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 raise a blocking disagreement' })
  async dispute(@Param('collaborationId') id: string, @Body() dto: RaiseDisputeDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.raiseDispute(id, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':collaborationId/disputes/:disputeId/opinions')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-13 a department's opinion on the dispute, by its own staff" })
  async opinion(@Param('collaborationId') id: string, @Param('disputeId') disputeId: string, @Body() dto: DepartmentOpinionDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.submitOpinion(id, disputeId, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':collaborationId/disputes/:disputeId/ruling')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: 'SD-13 the Office rules; the ruling binds' })
  async ruling(@Param('collaborationId') id: string, @Param('disputeId') disputeId: string, @Body() dto: RuleOnDisputeDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.rule(id, disputeId, dto, requestContext(actor, ifMatch, cid)));
  }

  @Post(':collaborationId/completion')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 the supervising department records completion; refused while a dispute is unruled' })
  async complete(@Param('collaborationId') id: string, @Body() dto: CompletionDto, @CurrentActor() actor: Actor, @Headers('if-match') ifMatch: string | undefined, @Headers('x-correlation-id') cid: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.complete(id, dto, requestContext(actor, ifMatch, cid)));
  }
}
