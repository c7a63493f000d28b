import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { Clock } from '@ebp/shared-nest';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { CLOCK, READ_MODEL_STORE, etagOf } from '@ebp/shared-nest';
import { shanghaiDate, type FaultAnalysisStatus, type FaultStatus } from '@ebp/service-desk-domain';
import { FaultsQueries } from './faults.queries';

const FAULT_STATUSES: readonly FaultStatus[] = ['reported', 'acknowledged', 'escalated', 'resolved', 'analysed', 'closed'];
const ANALYSIS_STATUSES: readonly FaultAnalysisStatus[] = ['pending', 'overdue', 'filed'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class PagingDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class FaultListQueryDto extends PagingDto {
  @IsOptional() @IsIn(FAULT_STATUSES) status?: FaultStatus;
  @IsOptional() @IsIn(ANALYSIS_STATUSES) analysisStatus?: FaultAnalysisStatus;
  @IsOptional() @IsString() customer?: string;
  @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' }) asOf?: string;
}

export class FaultDetailQueryDto {
  @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' }) asOf?: string;
}

export class CollaborationListQueryDto extends PagingDto {
  @IsOptional() @IsIn(['open', 'completed']) status?: 'open' | 'completed';
}

function paging(q: PagingDto) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  return { page, pageSize, skip: (page - 1) * pageSize, limit: pageSize };
}

@ApiTags('service-desk queries')
@ApiBearerAuth()
@Controller('service-desk')
export class FaultsQueryController {
  private readonly queries: FaultsQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new FaultsQueries(store);
  }

  private today(asOf: string | undefined): string {
    return asOf ?? shanghaiDate(this.clock.now());
  }

  @Get('faults')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 major faults with status and analysis status (pending/overdue/filed) as of today or ?asOf=' })
  async faults(@Query() q: FaultListQueryDto) {
    const p = paging(q);
    const asOf = this.today(q.asOf);
    const result = await this.queries.faults({ status: q.status, customerId: q.customer, analysisStatus: q.analysisStatus, asOf, skip: p.skip, limit: p.limit });
    return { page: p.page, pageSize: p.pageSize, asOf, ...result };
  }

  @Get('faults/:faultId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-14 fault detail with progress history and analysis report; ETag is the stream revision' })
  async fault(@Param('faultId') faultId: string, @Query() q: FaultDetailQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const fault = await this.queries.fault(faultId, this.today(q.asOf));
    if (!fault) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `fault ${faultId} not found` });
    reply.header('ETag', etagOf(fault.revision));
    return fault;
  }

  @Get('collaborations')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 cross-department collaboration cases with disputes and rulings' })
  async collaborations(@Query() q: CollaborationListQueryDto) {
    const p = paging(q);
    return { page: p.page, pageSize: p.pageSize, ...(await this.queries.collaborations({ status: q.status, skip: p.skip, limit: p.limit })) };
  }

  @Get('collaborations/:collaborationId')
  @Roles(...ANY_STAFF)
  @ApiOperation({ summary: 'SD-13 collaboration case detail; ETag is the stream revision' })
  async collaboration(@Param('collaborationId') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const found = await this.queries.collaboration(id);
    if (!found) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `collaboration ${id} not found` });
    reply.header('ETag', etagOf(found.revision));
    return found;
  }
}
