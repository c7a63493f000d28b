import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
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

const FaultId = () => ApiParam({ name: 'faultId', description: 'The fault, as in the Location of its report' });
const CollaborationId = () => ApiParam({ name: 'collaborationId', description: 'The collaboration, as in the Location of its opening' });
const DisputeId = () => ApiParam({ name: 'disputeId', example: 'd-1', description: 'A dispute of the collaboration: d-1, d-2, … in the order raised' });

// Per-fault permissions (manager in charge, technical service) depend on the fault, so the decider checks them (403).
@CommandController('service-desk/faults', 'service-desk faults')
export class FaultsController {
  constructor(private readonly commands: FaultsCommands) {}

  @Post()
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 report a major fault; the business signer and manager in charge are notified' })
  @ApiCommandCreated()
  report(@Body() dto: ReportFaultDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.reportFault(dto, ctx);
  }

  @Post(':faultId/acknowledge')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 the manager in charge records the fault' })
  @FaultId()
  @ApiCommandOk()
  acknowledge(@Param('faultId') id: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.acknowledge(id, ctx);
  }

  @Post(':faultId/escalate')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 the manager in charge (or the general manager) informs top leadership' })
  @FaultId()
  @ApiCommandOk()
  escalate(@Param('faultId') id: string, @Body() dto: EscalateFaultDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.escalate(id, dto, ctx);
  }

  @Post(':faultId/progress')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 progress note by the manager in charge or technical service' })
  @FaultId()
  @ApiCommandOk()
  progress(@Param('faultId') id: string, @Body() dto: FaultProgressDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.progress(id, dto, ctx);
  }

  @Post(':faultId/resolve')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 the fault ended (technical service or the manager in charge); the analysis falls due' })
  @FaultId()
  @ApiCommandOk()
  resolve(@Param('faultId') id: string, @Body() dto: ResolveFaultDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.resolve(id, dto, ctx);
  }

  @Post(':faultId/analysis')
  @HttpCode(200)
  @Roles('technical-service')
  @ApiOperation({ summary: 'SD-14 the technical service supervisor files the fault analysis report' })
  @FaultId()
  @ApiCommandOk()
  analysis(@Param('faultId') id: string, @Body() dto: FaultAnalysisDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.fileAnalysis(id, dto, ctx);
  }

  @Post(':faultId/close')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 close; refused without the analysis report' })
  @FaultId()
  @ApiCommandOk()
  close(@Param('faultId') id: string, @CommandCtx() ctx: CommandContext) {
    return this.commands.close(id, ctx);
  }
}

@CommandController('service-desk/collaborations', 'service-desk collaborations')
export class CollaborationsController {
  constructor(private readonly commands: FaultsCommands) {}

  @Post()
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 open a collaboration led by the requesting department' })
  @ApiCommandCreated()
  open(@Body() dto: OpenCollaborationDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.openCollaboration(dto, ctx);
  }

  @Post(':collaborationId/disputes')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 raise a blocking disagreement' })
  @CollaborationId()
  @ApiCommandOk()
  dispute(@Param('collaborationId') id: string, @Body() dto: RaiseDisputeDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.raiseDispute(id, dto, ctx);
  }

  @Post(':collaborationId/disputes/:disputeId/opinions')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-13 a department's opinion on the dispute, by its own staff" })
  @CollaborationId()
  @DisputeId()
  @ApiCommandOk()
  opinion(@Param('collaborationId') id: string, @Param('disputeId') disputeId: string, @Body() dto: DepartmentOpinionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submitOpinion(id, disputeId, dto, ctx);
  }

  @Post(':collaborationId/disputes/:disputeId/ruling')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: 'SD-13 the Office rules; the ruling binds' })
  @CollaborationId()
  @DisputeId()
  @ApiCommandOk()
  ruling(@Param('collaborationId') id: string, @Param('disputeId') disputeId: string, @Body() dto: RuleOnDisputeDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.rule(id, disputeId, dto, ctx);
  }

  @Post(':collaborationId/completion')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 the supervising department records completion; refused while a dispute is unruled' })
  @CollaborationId()
  @ApiCommandOk()
  complete(@Param('collaborationId') id: string, @Body() dto: CompletionDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.complete(id, dto, ctx);
  }
}
