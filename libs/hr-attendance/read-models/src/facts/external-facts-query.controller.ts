import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { HR_MANAGER_ROLE } from '../shared/access';
import { MONTH_MESSAGE, MONTH_PATTERN } from '../shared/params';
import { hrExternalFactsProjection } from './external-facts.projection';
import { HrExternalFactQueries } from './external-facts.queries';
import { HrExternalFactSchema } from './external-facts.schemas';

export class UnmatchedFactsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, pattern: MONTH_PATTERN.source, example: '2026-03', description: 'Only facts of this month' })
  @IsOptional()
  @Matches(MONTH_PATTERN, { message: MONTH_MESSAGE })
  month?: string;
}

@ApiTags('hr-attendance queries')
@ApiQueryErrors()
@Controller('hr-attendance')
export class HrExternalFactsQueryController {
  private readonly queries: HrExternalFactQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new HrExternalFactQueries(store);
  }

  @Get('unmatched-facts')
  @Roles(HR_MANAGER_ROLE)
  @ReadsFrom(hrExternalFactsProjection.name)
  @ApiOperation({ summary: 'HR-4/HR-7 complaint fines and conduct records from the service desk about staff ids without an employment record (kept, never dropped); oldest first' })
  @ApiOkPagedResponse(HrExternalFactSchema)
  async unmatched(@CurrentActor() actor: Actor, @Query() q: UnmatchedFactsQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.unmatched(actor, { month: q.month, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }
}
