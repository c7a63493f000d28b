import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { fold, type Actor, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom, etagOf } from '@ebp/shared-nest';
import { AuditQueries, auditProjection } from '@ebp/shared-audit';
import { TICKET_KINDS, ticketDecider, ticketStream, type TicketEvent, type TicketKind } from '@ebp/service-desk-domain';
import { ticketProjection } from './ticket.projection';
import { TicketQueries } from './ticket.queries';
import { TicketAsOfSchema, TicketSummarySchema, TicketViewSchema } from './ticket.schemas';

const STATUSES = ['open', 'resolved'] as const;
type Status = (typeof STATUSES)[number];

export class TicketListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: Status;
  @ApiPropertyOptional({ description: 'First-contact owner (staff id)' }) @IsOptional() @IsString() owner?: string;
  @ApiPropertyOptional({ description: 'Current handler (staff id)' }) @IsOptional() @IsString() handler?: string;
  @ApiPropertyOptional({ description: 'Customer id' }) @IsOptional() @IsString() customer?: string;
  @ApiPropertyOptional({ enum: TICKET_KINDS }) @IsOptional() @IsIn(TICKET_KINDS) kind?: TicketKind;
  @ApiPropertyOptional({ type: Boolean, description: 'SD-4 major tickets only (true) or none of them (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  major?: boolean;
}

export class MyTicketsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: Status;
}

export class AsOfQueryDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'The moment to look back to (ISO 8601)', example: '2026-03-02T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  at!: string;
}

const TICKET_ID = ApiParam({ name: 'ticketId', description: 'The ticket id' });

@ApiTags('service-desk queries')
@ApiQueryErrors()
@Controller('service-desk')
export class TicketQueryController {
  private readonly queries: TicketQueries;
  private readonly audit: AuditQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new TicketQueries(store);
    this.audit = new AuditQueries(store);
  }

  @Get('tickets')
  @Roles(...ANY_STAFF)
  @ReadsFrom(ticketProjection.name)
  @ApiOperation({ summary: 'Ticket list, filtered by status, owner, handler, customer, kind and major; paged, newest registration first' })
  @ApiOkPagedResponse(TicketSummarySchema)
  async tickets(@Query() q: TicketListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.tickets({
      status: q.status,
      ownerId: q.owner,
      handlerId: q.handler,
      customerId: q.customer,
      kind: q.kind,
      major: q.major,
      skip: p.skip,
      limit: p.limit,
    });
    return paged(q, result.total, result.items);
  }

  @Get('tickets/:ticketId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(ticketProjection.name)
  @TICKET_ID
  @ApiOperation({ summary: 'Ticket detail with its history; ETag is the stream revision' })
  @ApiOkResponse({ type: TicketViewSchema, headers: { ETag: { description: 'The stream revision', schema: { type: 'string' } } } })
  async ticket(@Param('ticketId') ticketId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const ticket = await this.queries.ticket(ticketId);
    if (!ticket) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `ticket ${ticketId} not found` });
    reply.header('ETag', etagOf(ticket.revision));
    return ticket;
  }

  @Get('tickets/:ticketId/as-of')
  @Roles(...ANY_STAFF)
  @ReadsFrom(auditProjection.name)
  @TICKET_ID
  @ApiOperation({ summary: 'Time travel: the ticket as it stood at a moment, folded from its audited events' })
  @ApiOkResponse({ type: TicketAsOfSchema })
  async ticketAsOf(@Param('ticketId') ticketId: string, @Query() q: AsOfQueryDto) {
    const events = await this.audit.historyOf(ticketStream(ticketId), q.at);
    if (events.length === 0) {
      throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `ticket ${ticketId} did not exist at ${q.at}` });
    }
    const state = fold(ticketDecider, events.map((e) => ({ type: e.type, data: e.data }) as TicketEvent));
    const last = events[events.length - 1].metadata;
    return { asOf: q.at, revision: last.revision, lastChangedAt: last.recordedAt, state };
  }

  @Get('my-tickets')
  @Roles(...ANY_STAFF)
  @ReadsFrom(ticketProjection.name)
  @ApiOperation({ summary: 'Tickets the caller owns as first-contact owner (SD-1), transferred ones included (SD-3)' })
  @ApiOkPagedResponse(TicketSummarySchema)
  async myTickets(@CurrentActor() actor: Actor, @Query() q: MyTicketsQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.tickets({ ownerId: actor.userId, status: q.status, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('general-manager/open-major')
  @Roles('general-manager', 'office', 'business-dept')
  @ReadsFrom(ticketProjection.name)
  @ApiOperation({ summary: "The general manager's view: major tickets still open (SD-4)" })
  @ApiOkPagedResponse(TicketSummarySchema)
  async openMajor(@Query() q: PageQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.tickets({ major: true, status: 'open', skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }
}
