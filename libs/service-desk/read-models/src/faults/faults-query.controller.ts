import { Controller, Get, Inject, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, CLOCK, PageQueryDto, READ_MODEL_STORE, ReadsFrom, etagOf, type Clock } from '@ebp/shared-nest';
import { type FaultAnalysisStatus, type FaultStatus } from '@ebp/service-desk-domain';
import { shanghaiDate } from '@ebp/shared-kernel';
import { collaborationProjection, type CollaborationView } from './collaboration.projection';
import { faultProjection } from './fault.projection';
import { FaultsQueries } from './faults.queries';
import {
  ANALYSIS_STATUSES,
  COLLABORATION_STATUSES,
  CollaborationSchema,
  FAULT_STATUSES,
  FaultDetailSchema,
  FaultSummarySchema,
} from './faults.schemas';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AS_OF = { type: String, format: 'date', description: 'Date (Asia/Shanghai) the SD-14 analysis status is judged on; defaults to today' } as const;
const ETAG = { ETag: { description: 'The stream revision', schema: { type: 'string' } } };

export class FaultListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FAULT_STATUSES }) @IsOptional() @IsIn(FAULT_STATUSES) status?: FaultStatus;
  @ApiPropertyOptional({ enum: ANALYSIS_STATUSES, description: 'SD-14 analysis status as of `asOf`' })
  @IsOptional()
  @IsIn(ANALYSIS_STATUSES)
  analysisStatus?: FaultAnalysisStatus;
  @ApiPropertyOptional({ description: 'Customer id' }) @IsOptional() @IsString() customer?: string;
  @ApiPropertyOptional(AS_OF) @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' }) asOf?: string;
}

export class FaultDetailQueryDto {
  @ApiPropertyOptional(AS_OF) @IsOptional() @Matches(DATE, { message: 'asOf must be a date YYYY-MM-DD' }) asOf?: string;
}

export class CollaborationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COLLABORATION_STATUSES })
  @IsOptional()
  @IsIn(COLLABORATION_STATUSES)
  status?: CollaborationView['status'];
}

@ApiTags('service-desk queries')
@ApiQueryErrors()
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
  @ReadsFrom(faultProjection.name)
  @ApiOperation({ summary: 'SD-14 major faults with status and analysis status (pending/overdue/filed) as of today or ?asOf=' })
  @ApiOkPagedResponse(FaultSummarySchema, { properties: { asOf: { type: 'string', format: 'date', description: 'The date the analysis status is judged on' } } })
  async faults(@Query() q: FaultListQueryDto) {
    const p = toSkipLimit(q);
    const asOf = this.today(q.asOf);
    const result = await this.queries.faults({ status: q.status, customerId: q.customer, analysisStatus: q.analysisStatus, asOf, skip: p.skip, limit: p.limit });
    return { ...paged(q, result.total, result.items), asOf };
  }

  @Get('faults/:faultId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(faultProjection.name)
  @ApiParam({ name: 'faultId', description: 'The fault id' })
  @ApiOperation({ summary: 'SD-14 fault detail with progress history and analysis report; ETag is the stream revision' })
  @ApiOkResponse({ type: FaultDetailSchema, headers: ETAG })
  async fault(@Param('faultId') faultId: string, @Query() q: FaultDetailQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const fault = await this.queries.fault(faultId, this.today(q.asOf));
    if (!fault) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `fault ${faultId} not found` });
    reply.header('ETag', etagOf(fault.revision));
    return fault;
  }

  @Get('collaborations')
  @Roles(...ANY_STAFF)
  @ReadsFrom(collaborationProjection.name)
  @ApiOperation({ summary: 'SD-13 cross-department collaboration cases with disputes and rulings' })
  @ApiOkPagedResponse(CollaborationSchema)
  async collaborations(@Query() q: CollaborationListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.collaborations({ status: q.status, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('collaborations/:collaborationId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(collaborationProjection.name)
  @ApiParam({ name: 'collaborationId', description: 'The collaboration case id' })
  @ApiOperation({ summary: 'SD-13 collaboration case detail; ETag is the stream revision' })
  @ApiOkResponse({ type: CollaborationSchema, headers: ETAG })
  async collaboration(@Param('collaborationId') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const found = await this.queries.collaboration(id);
    if (!found) throw new NotFoundException({ statusCode: 404, error: 'not-found', message: `collaboration ${id} not found` });
    reply.header('ETag', etagOf(found.revision));
    return found;
  }
}
