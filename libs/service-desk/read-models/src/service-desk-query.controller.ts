import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { fold, type Actor, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import { READ_MODEL_STORE, etagOf } from '@ebp/shared-nest';
import { AuditQueries } from '@ebp/shared-audit';
import { TICKET_KINDS, ticketDecider, ticketStream, type TicketEvent, type TicketKind } from '@ebp/service-desk-domain';
import { ServiceDeskQueries } from './service-desk.queries';

export class PageDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class TicketListQueryDto extends PageDto {
  @IsOptional() @IsIn(['open', 'resolved']) status?: 'open' | 'resolved';
  @IsOptional() @IsString() owner?: string;
  @IsOptional() @IsString() handler?: string;
  @IsOptional() @IsString() customer?: string;
  @IsOptional() @IsIn(TICKET_KINDS) kind?: TicketKind;
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() major?: boolean;
}

export class MyTicketsQueryDto extends PageDto {
  @IsOptional() @IsIn(['open', 'resolved']) status?: 'open' | 'resolved';
}

export class AsOfQueryDto {
  @IsISO8601({ strict: true }) at!: string;
}

function paging(q: PageDto) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { page, pageSize, skip: (page - 1) * pageSize, limit: pageSize };
}

@ApiTags('service-desk queries')
@ApiBearerAuth()
@Controller('service-desk')
export class ServiceDeskQueryController {
  private readonly queries: ServiceDeskQueries;
  private readonly audit: AuditQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new ServiceDeskQueries(store);
    this.audit = new AuditQueries(store);
  }

  @Get('tickets')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'Ticket list, filtered by status, owner, handler, customer, kind and major; paged' })
  async tickets(@Query() q: TicketListQueryDto) {
    const p = paging(q);
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
    return { page: p.page, pageSize: p.pageSize, ...result };
  }

  @Get('tickets/:ticketId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'Ticket detail with its history; ETag is the stream revision' })
  async ticket(@Param('ticketId') ticketId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const ticket = await this.queries.ticket(ticketId);
    if (!ticket) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `ticket ${ticketId} not found` });
    reply.header('ETag', etagOf(ticket.revision));
    return ticket;
  }

  @Get('tickets/:ticketId/as-of')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'Time travel: the ticket as it stood at a moment, folded from its audited events' })
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
  @ApiOperation({ summary: 'Tickets the caller owns as first-contact owner (SD-1), transferred ones included (SD-3)' })
  async myTickets(@CurrentActor() actor: Actor, @Query() q: MyTicketsQueryDto) {
    const p = paging(q);
    const result = await this.queries.tickets({ ownerId: actor.userId, status: q.status, skip: p.skip, limit: p.limit });
    return { page: p.page, pageSize: p.pageSize, ...result };
  }

  @Get('general-manager/open-major')
  @Roles('general-manager', 'office', 'business-dept')
  @ApiOperation({ summary: "The general manager's view: major tickets still open (SD-4)" })
  async openMajor(@Query() q: PageDto) {
    const p = paging(q);
    const result = await this.queries.tickets({ major: true, status: 'open', skip: p.skip, limit: p.limit });
    return { page: p.page, pageSize: p.pageSize, ...result };
  }

  @Get('staff')
  @Roles(...ANY_STAFF)
  async staff(@Query('department') department?: string) {
    return { items: await this.queries.staff(department) };
  }

  @Get('customers')
  @Roles(...ANY_STAFF)
  async customers(@Query() q: PageDto) {
    const p = paging(q);
    return { page: p.page, pageSize: p.pageSize, ...(await this.queries.customers(p.skip, p.limit)) };
  }

  @Get('projects')
  @Roles(...ANY_STAFF)
  async projects(@Query() q: PageDto, @Query('customer') customer?: string) {
    const p = paging(q);
    return { page: p.page, pageSize: p.pageSize, ...(await this.queries.projects(customer, p.skip, p.limit)) };
  }
}
