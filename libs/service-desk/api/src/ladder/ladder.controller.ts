import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
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
import { accepted, requestContext } from '../command-runner';

/** SD-8: the passive service ladder is run by technical service. */
const LADDER_ROLES = ['technical-service'] as const;
/** SD-17: those who handle the customer's ticket record the unmet expectation and its analysis. */
const EXPECTATION_ROLES = ['customer-service', 'technical-service', 'business-dept'] as const;

@ApiTags('service-desk commands')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk')
export class LadderController {
  constructor(private readonly commands: LadderCommands) {}

  @Post('service-ladders/:ticketId/hotline')
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: 'SD-8 start hotline service on a ticket (the first rung)' })
  async hotline(
    @Param('ticketId') ticketId: string,
    @Body() dto: StartHotlineServiceDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.startHotline(ticketId, dto, requestContext(actor, ifMatch, correlationId));
    return accepted(reply, result, `/service-desk/service-ladders/${ticketId}`);
  }

  @Post('service-ladders/:ticketId/remote')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: "SD-8 escalate to remote service; requires the customer's recorded authorization" })
  async remote(
    @Param('ticketId') ticketId: string,
    @Body() dto: EscalateToRemoteDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.escalateToRemote(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('service-ladders/:ticketId/remote-impossible')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: 'SD-8 declare remote service impossible (opens the way on site)' })
  async remoteImpossible(
    @Param('ticketId') ticketId: string,
    @Body() dto: DeclareRemoteImpossibleDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.declareRemoteImpossible(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('service-ladders/:ticketId/on-site')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: "SD-8 dispatch on site after hotline and remote; deadline = dispatchedAt + the site's response time" })
  async onSite(
    @Param('ticketId') ticketId: string,
    @Body() dto: DispatchOnSiteDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.dispatchOnSite(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('service-ladders/:ticketId/arrival')
  @HttpCode(200)
  @Roles(...LADDER_ROLES)
  @ApiOperation({ summary: 'SD-8 record the on-site arrival; after the deadline it is a breach' })
  async arrival(
    @Param('ticketId') ticketId: string,
    @Body() dto: RecordArrivalDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordArrival(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('shirking-findings')
  // Department managers supervise whatever their role, so the supervisor check is in the domain (SD-6 → 403).
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-6 a supervisor records a shirking finding with its sanction; published to HR' })
  async shirkingFinding(
    @Body() dto: RecordShirkingFindingDto,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordShirkingFinding(dto, requestContext(actor, undefined, correlationId)));
  }

  @Post('customers/:customerId/preferences')
  @HttpCode(200)
  @Roles('customer-service')
  @ApiOperation({ summary: "SD-17 record a preference on the customer's profile (latest per topic)" })
  async preference(
    @Param('customerId') customerId: string,
    @Body() dto: RecordCustomerPreferenceDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordCustomerPreference(customerId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('ticket-expectations/:ticketId/unmet')
  @Roles(...EXPECTATION_ROLES)
  @ApiOperation({ summary: "SD-17 record that a ticket cannot meet the customer's expectation, and why" })
  async unmet(
    @Param('ticketId') ticketId: string,
    @Body() dto: RecordExpectationUnmetDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.recordExpectationUnmet(ticketId, dto, requestContext(actor, ifMatch, correlationId));
    return accepted(reply, result, `/service-desk/ticket-expectations/${ticketId}`);
  }

  @Post('ticket-expectations/:ticketId/improvement-analysis')
  @HttpCode(200)
  @Roles(...EXPECTATION_ROLES)
  @ApiOperation({ summary: 'SD-17 record the improvement analysis; refused unless an unmet expectation was recorded' })
  async improvementAnalysis(
    @Param('ticketId') ticketId: string,
    @Body() dto: RecordImprovementAnalysisDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordImprovementAnalysis(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }
}
