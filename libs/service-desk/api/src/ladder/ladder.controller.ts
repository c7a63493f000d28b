import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import { LadderCommands } from './ladder.commands';
import {
  DeclareRemoteImpossibleDto,
  DispatchOnSiteDto,
  EscalateToRemoteDto,
  RecordArrivalDto,
  RecordCustomerPreferenceDto,
  RecordExpectationUnmetDto,
  RecordImprovementAnalysisDto,
  RecordShirkingFindingDto,
  StartHotlineServiceDto,
} from './ladder.dto';

/** SD-8: the passive service ladder is run by technical service. */
const LADDER_ROLES = ['technical-service'] as const;
/** SD-17: those who handle the customer's ticket record the unmet expectation and its analysis. */
const EXPECTATION_ROLES = ['customer-service', 'technical-service', 'business-dept'] as const;

const TicketId = () => ApiParam({ name: 'ticketId', description: 'The ticket; its service ladder and expectation record share its id' });

@CommandController('service-desk', 'service-desk ladder')
export class LadderController {
  constructor(private readonly commands: LadderCommands) {}

  @Post('service-ladders/:ticketId/hotline')
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: 'SD-8 start hotline service on a ticket (the first rung)' })
  @TicketId()
  @ApiCommandCreated()
  hotline(@Param('ticketId') ticketId: string, @Body() dto: StartHotlineServiceDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.startHotline(ticketId, dto, ctx);
  }

  @Post('service-ladders/:ticketId/remote')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: "SD-8 escalate to remote service; requires the customer's recorded authorization" })
  @TicketId()
  @ApiCommandOk()
  remote(@Param('ticketId') ticketId: string, @Body() dto: EscalateToRemoteDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.escalateToRemote(ticketId, dto, ctx);
  }

  @Post('service-ladders/:ticketId/remote-impossible')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: 'SD-8 declare remote service impossible (opens the way on site)' })
  @TicketId()
  @ApiCommandOk()
  remoteImpossible(@Param('ticketId') ticketId: string, @Body() dto: DeclareRemoteImpossibleDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.declareRemoteImpossible(ticketId, dto, ctx);
  }

  @Post('service-ladders/:ticketId/on-site')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: "SD-8 dispatch on site after hotline and remote; deadline = dispatchedAt + the site's response time" })
  @TicketId()
  @ApiCommandOk()
  onSite(@Param('ticketId') ticketId: string, @Body() dto: DispatchOnSiteDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.dispatchOnSite(ticketId, dto, ctx);
  }

  @Post('service-ladders/:ticketId/arrival')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: 'SD-8 record the on-site arrival; after the deadline it is a breach' })
  @TicketId()
  @ApiCommandOk()
  arrival(@Param('ticketId') ticketId: string, @Body() dto: RecordArrivalDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordArrival(ticketId, dto, ctx);
  }

  @Post('shirking-findings')
  // Department managers supervise whatever their role, so the supervisor check is in the domain (SD-6 → 403).
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-6 a supervisor records a shirking finding with its sanction; published to HR' })
  @ApiCommandCreated()
  shirkingFinding(@Body() dto: RecordShirkingFindingDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordShirkingFinding(dto, ctx);
  }

  @Post('customers/:customerId/preferences')
  @HttpCode(200)
  @Roles('customer-service')
  @ApiOperation({ summary: "SD-17 record a preference on the customer's profile (latest per topic)" })
  @ApiParam({ name: 'customerId', description: 'A registered customer' })
  @ApiCommandOk()
  preference(@Param('customerId') customerId: string, @Body() dto: RecordCustomerPreferenceDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordCustomerPreference(customerId, dto, ctx);
  }

  @Post('ticket-expectations/:ticketId/unmet')
  @Roles(...EXPECTATION_ROLES)
  @ApiOperation({ summary: "SD-17 record that a ticket cannot meet the customer's expectation, and why" })
  @TicketId()
  @ApiCommandCreated()
  unmet(@Param('ticketId') ticketId: string, @Body() dto: RecordExpectationUnmetDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordExpectationUnmet(ticketId, dto, ctx);
  }

  @Post('ticket-expectations/:ticketId/improvement-analysis')
  @HttpCode(200)
  @Roles(...EXPECTATION_ROLES)
  @ApiOperation({ summary: 'SD-17 record the improvement analysis; refused unless an unmet expectation was recorded' })
  @TicketId()
  @ApiCommandOk()
  improvementAnalysis(@Param('ticketId') ticketId: string, @Body() dto: RecordImprovementAnalysisDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordImprovementAnalysis(ticketId, dto, ctx);
  }
}
