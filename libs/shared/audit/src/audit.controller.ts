import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { Roles } from '@ebp/shared-auth';
import { READ_MODEL_STORE } from '@ebp/shared-nest';
import { AuditQueries } from './audit.queries';

export class AuditQueryDto {
  @IsOptional() @IsString() entity?: string;
  @IsOptional() @IsString() actor?: string;
  @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  private readonly queries: AuditQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new AuditQueries(store);
  }

  @Get()
  @Roles('general-manager', 'office', 'business-dept', 'hr-manager', 'finance')
  @ApiOperation({ summary: 'Audit trail: every event, by entity (stream id), actor and time range' })
  async search(@Query() q: AuditQueryDto) {
    const pageSize = q.pageSize ?? 100;
    const page = q.page ?? 1;
    const result = await this.queries.search({
      streamId: q.entity,
      actorId: q.actor,
      from: q.from,
      to: q.to,
      skip: (page - 1) * pageSize,
      limit: pageSize,
    });
    return { page, pageSize, total: result.total, items: result.items };
  }
}

@Module({ controllers: [AuditController] })
export class AuditModule {}
