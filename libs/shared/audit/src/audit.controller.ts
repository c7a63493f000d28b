import { Controller, Get, Inject, Module, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { toSkipLimit, type Paged } from '@ebp/shared-kernel';
import { Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';
import { auditProjection, type AuditEntry } from './audit.projection';
import { AuditQueries } from './audit.queries';

/** An auditor reads longer pages than a list screen. */
export const AUDIT_DEFAULT_PAGE_SIZE = 100;
export const AUDIT_MAX_PAGE_SIZE = 1000;

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Entity: the stream id, e.g. service-desk.ticket.t-1' }) @IsOptional() @IsString() entity?: string;
  @ApiPropertyOptional({ description: 'Actor: the user id' }) @IsOptional() @IsString() actor?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Recorded at or after (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Recorded at or before (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;

  // Redeclared with the audit limits; the initializer is what every class field starts as anyway.
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: AUDIT_MAX_PAGE_SIZE, default: AUDIT_DEFAULT_PAGE_SIZE, description: 'Items per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_MAX_PAGE_SIZE)
  override pageSize?: number = undefined;
}

export class AuditEntrySchema implements AuditEntry {
  @ApiProperty({ type: String }) eventId!: string;
  @ApiProperty({ type: String, example: 'service-desk.ticket.t-1' }) streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer', description: 'Global event-store position' }) position!: number;
  @ApiProperty({ type: String, example: 'TicketTransferred' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event payload, as recorded' }) data!: unknown;
  @ApiProperty({ type: String }) actorId!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'integer', description: 'recordedAt in epoch milliseconds' }) recordedAtMs!: number;
  @ApiProperty({ type: String }) correlationId!: string;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
  @ApiProperty({ type: 'integer' }) schemaVersion!: number;
}

@ApiTags('audit')
@ApiQueryErrors()
@Controller('audit')
export class AuditController {
  private readonly queries: AuditQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new AuditQueries(store);
  }

  @Get()
  @Roles('general-manager', 'office', 'business-dept', 'hr-manager', 'finance')
  @ReadsFrom(auditProjection.name)
  @ApiOperation({ summary: 'Audit trail: every event, by entity (stream id), actor and time range, in event-store order' })
  @ApiOkPagedResponse(AuditEntrySchema, { description: 'A page of audit entries' })
  async search(@Query() q: AuditQueryDto): Promise<Paged<AuditEntry>> {
    const { page, pageSize, skip, limit } = toSkipLimit(q, { defaultSize: AUDIT_DEFAULT_PAGE_SIZE, maxSize: AUDIT_MAX_PAGE_SIZE });
    const result = await this.queries.search({ streamId: q.entity, actorId: q.actor, from: q.from, to: q.to, skip, limit });
    return { page, pageSize, total: result.total, items: result.items };
  }
}

@Module({ controllers: [AuditController] })
export class AuditModule {}
