import { Body, Controller, Headers, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import {
  FlagMajorDto,
  RecordRepeatContactDto,
  RegisterCustomerDto,
  RegisterProjectDto,
  RegisterStaffDto,
  RegisterTicketDto,
  ResolveTicketDto,
  StaffAbsenceDto,
  SubmitLiaisonFormDto,
  TransferTicketDto,
  UpdateStaffDto,
  UpholdComplaintDto,
} from './dto';
import { ServiceDeskCommands } from './service-desk.commands';
import { accepted, requestContext } from './command-runner';

const REFERENCE_DATA_ADMINS = ['office', 'general-manager', 'hr-manager'] as const;
const CUSTOMER_ADMINS = ['customer-service', 'business-dept', 'office', 'general-manager'] as const;

@ApiTags('service-desk commands')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' })
@Controller('service-desk')
export class ServiceDeskController {
  constructor(private readonly commands: ServiceDeskCommands) {}

  @Post('tickets')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-1 register a customer contact; the caller becomes the first-contact owner (SD-4 major → GM)' })
  async register(
    @Body() dto: RegisterTicketDto,
    @CurrentActor() actor: Actor,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.registerTicket(dto, requestContext(actor, undefined, correlationId));
    return accepted(reply, result, `/service-desk/tickets/${result.id}`);
  }

  @Post('tickets/:ticketId/transfer')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-3 transfer to the target department's responsible manager (or the alternate if absent)" })
  async transfer(
    @Param('ticketId') ticketId: string,
    @Body() dto: TransferTicketDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.transferTicket(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('tickets/:ticketId/resolve')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-2/SD-5 resolve; at first contact when the owner resolves without transfer' })
  async resolve(
    @Param('ticketId') ticketId: string,
    @Body() dto: ResolveTicketDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.resolveTicket(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('tickets/:ticketId/liaison-form')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-5 file the work liaison form after the fact' })
  async liaisonForm(
    @Param('ticketId') ticketId: string,
    @Body() dto: SubmitLiaisonFormDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.submitLiaisonForm(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('tickets/:ticketId/repeat-contacts')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-7 record a repeat contact from the customer on an open ticket' })
  async repeatContact(
    @Param('ticketId') ticketId: string,
    @Body() dto: RecordRepeatContactDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.recordRepeatContact(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('tickets/:ticketId/major')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-4 flag an open ticket major: escalated to the general manager at once' })
  async flagMajor(
    @Param('ticketId') ticketId: string,
    @Body() dto: FlagMajorDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.flagMajor(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('tickets/:ticketId/complaint-upheld')
  @HttpCode(200)
  @Roles('general-manager', 'business-dept', 'office')
  @ApiOperation({ summary: 'HR-4 uphold a complaint against a staff member (published to HR for the fine)' })
  async upholdComplaint(
    @Param('ticketId') ticketId: string,
    @Body() dto: UpholdComplaintDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.upholdComplaint(ticketId, dto, requestContext(actor, ifMatch, correlationId)));
  }

  @Post('staff')
  @Roles(...REFERENCE_DATA_ADMINS)
  @ApiOperation({ summary: 'Register a staff member (department, roles, responsible manager flag)' })
  async registerStaff(@Body() dto: RegisterStaffDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.registerStaff(dto, requestContext(actor, undefined, undefined)));
  }

  @Put('staff/:staffId')
  @Roles(...REFERENCE_DATA_ADMINS)
  async updateStaff(
    @Param('staffId') staffId: string,
    @Body() dto: UpdateStaffDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.updateStaff(staffId, dto, requestContext(actor, ifMatch, undefined)));
  }

  @Put('staff/:staffId/absence')
  @Roles(...REFERENCE_DATA_ADMINS)
  @ApiOperation({ summary: 'SD-3 record a staff member absent or back (transfers then go to the alternate)' })
  async absence(
    @Param('staffId') staffId: string,
    @Body() dto: StaffAbsenceDto,
    @CurrentActor() actor: Actor,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return accepted(reply, await this.commands.setStaffAbsence(staffId, dto, requestContext(actor, ifMatch, undefined)));
  }

  @Post('customers')
  @Roles(...CUSTOMER_ADMINS)
  async registerCustomer(@Body() dto: RegisterCustomerDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.registerCustomer(dto, requestContext(actor, undefined, undefined)));
  }

  @Post('projects')
  @Roles(...CUSTOMER_ADMINS)
  async registerProject(@Body() dto: RegisterProjectDto, @CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    return accepted(reply, await this.commands.registerProject(dto, requestContext(actor, undefined, undefined)));
  }
}
