import { Controller, Get, Inject, Module, Query, type DynamicModule } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { contextOf, type Actor, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { toSkipLimit, type Paged } from '@ebp/shared-kernel';
import { CurrentActor, Roles } from '@ebp/shared-auth';
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

/**
 * Per context, the roles that may read its event payloads in the audit trail (personal data such
 * as salaries). A context not listed shows its payloads to every audit role.
 */
export const AUDIT_PAYLOAD_READERS = Symbol('AUDIT_PAYLOAD_READERS');
export type AuditPayloadReaders = Readonly<Record<string, readonly string[]>>;

/** An entry as one caller may see it: the payload withheld when its context does not let their roles read it. */
export interface AuditEntryView extends AuditEntry {
  redacted: boolean;
}

export function auditEntryFor(entry: AuditEntry, actor: Actor, readers: AuditPayloadReaders): AuditEntryView {
  const allowed = readers[contextOf(entry.streamId)];
  if (!allowed || actor.roles.some((r) => allowed.includes(r))) return { ...entry, redacted: false };
  return { ...entry, data: null, redacted: true };
}

export class AuditEntrySchema implements AuditEntryView {
  @ApiProperty({ type: String }) eventId!: string;
  @ApiProperty({ type: String, example: 'service-desk.ticket.t-1' }) streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer', description: 'Global event-store position' }) position!: number;
  @ApiProperty({ type: String, example: 'TicketTransferred' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The event payload, as recorded; null when redacted' }) data!: unknown;
  @ApiProperty({ type: Boolean, description: "True when the caller's roles may not read this context's payloads (e.g. HR's personal data)" }) redacted!: boolean;
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

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(AUDIT_PAYLOAD_READERS) private readonly readers: AuditPayloadReaders,
  ) {
    this.queries = new AuditQueries(store);
  }

  @Get()
  @Roles('general-manager', 'office', 'business-dept', 'hr-manager', 'finance')
  @ReadsFrom(auditProjection.name)
  @ApiOperation({ summary: 'Audit trail: every event, by entity (stream id), actor and time range, in event-store order' })
  @ApiOkPagedResponse(AuditEntrySchema, { description: 'A page of audit entries' })
  async search(@Query() q: AuditQueryDto, @CurrentActor() actor: Actor): Promise<Paged<AuditEntryView>> {
    const { page, pageSize, skip, limit } = toSkipLimit(q, { defaultSize: AUDIT_DEFAULT_PAGE_SIZE, maxSize: AUDIT_MAX_PAGE_SIZE });
    const result = await this.queries.search({ streamId: q.entity, actorId: q.actor, from: q.from, to: q.to, skip, limit });
    return { page, pageSize, total: result.total, items: result.items.map((e) => auditEntryFor(e, actor, this.readers)) };
  }
}

@Module({})
export class AuditModule {
  /** The audit trail over HTTP, withholding each context's payloads from the roles it does not let read them. */
  static withPayloadReaders(readers: AuditPayloadReaders): DynamicModule {
    return { module: AuditModule, controllers: [AuditController], providers: [{ provide: AUDIT_PAYLOAD_READERS, useValue: readers }] };
  }
}
