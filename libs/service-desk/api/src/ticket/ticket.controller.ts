import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiCommandCreated, ApiCommandOk, CommandController, CommandCtx, type CommandContext } from '@ebp/shared-nest';
import {
  FlagMajorDto,
  RecordRepeatContactDto,
  RegisterTicketDto,
  ResolveTicketDto,
  SubmitLiaisonFormDto,
  TransferTicketDto,
  UpholdComplaintDto,
} from './ticket.dto';
import { TicketCommands } from './ticket.commands';

const TicketId = () => ApiParam({ name: 'ticketId', description: 'The ticket, as in the Location of its registration' });

@CommandController('service-desk/tickets', 'service-desk tickets')
export class TicketController {
  constructor(private readonly commands: TicketCommands) {}

  @Post()
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-1 register a customer contact; the caller becomes the first-contact owner (SD-4 major → GM)' })
  @ApiCommandCreated()
  register(@Body() dto: RegisterTicketDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.registerTicket(dto, ctx);
  }

  @Post(':ticketId/transfer')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: "SD-3 transfer to the target department's responsible manager (or the alternate if absent)" })
  @TicketId()
  @ApiCommandOk()
  transfer(@Param('ticketId') ticketId: string, @Body() dto: TransferTicketDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.transferTicket(ticketId, dto, ctx);
  }

  @Post(':ticketId/resolve')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-2/SD-5 resolve; at first contact when the owner resolves without transfer' })
  @TicketId()
  @ApiCommandOk()
  resolve(@Param('ticketId') ticketId: string, @Body() dto: ResolveTicketDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.resolveTicket(ticketId, dto, ctx);
  }

  @Post(':ticketId/liaison-form')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-5 file the work liaison form after the fact' })
  @TicketId()
  @ApiCommandOk()
  liaisonForm(@Param('ticketId') ticketId: string, @Body() dto: SubmitLiaisonFormDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.submitLiaisonForm(ticketId, dto, ctx);
  }

  @Post(':ticketId/repeat-contacts')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-7 record a repeat contact from the customer on an open ticket' })
  @TicketId()
  @ApiCommandOk()
  repeatContact(@Param('ticketId') ticketId: string, @Body() dto: RecordRepeatContactDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.recordRepeatContact(ticketId, dto, ctx);
  }

  @Post(':ticketId/major')
  @HttpCode(200)
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-4 flag an open ticket major: escalated to the general manager at once' })
  @TicketId()
  @ApiCommandOk()
  flagMajor(@Param('ticketId') ticketId: string, @Body() dto: FlagMajorDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.flagMajor(ticketId, dto, ctx);
  }

  @Post(':ticketId/complaint-upheld')
  @HttpCode(200)
  @Roles('general-manager', 'business-dept', 'office')
  @ApiOperation({ summary: 'HR-4 uphold a complaint against a staff member (published to HR for the fine)' })
  @TicketId()
  @ApiCommandOk()
  upholdComplaint(@Param('ticketId') ticketId: string, @Body() dto: UpholdComplaintDto, @CommandCtx() ctx: CommandContext) {
    return this.commands.upholdComplaint(ticketId, dto, ctx);
  }
}
