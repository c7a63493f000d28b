import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { ANY_STAFF, CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { StaffIdParam } from '../shared/params';
import { HrEmployeeReadQueries } from './employee-records.queries';
import { hrEmployeesProjection } from './employees.projection';
import { HrEmployeeSchema } from './employees.schemas';

export class EmployeeListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this department' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  department?: string;
}

@ApiTags('hr-attendance queries')
@ApiQueryErrors()
@Controller('hr-attendance')
export class HrEmployeesQueryController {
  private readonly queries: HrEmployeeReadQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new HrEmployeeReadQueries(store);
  }

  @Get('employees')
  @Roles(...ANY_STAFF)
  @ReadsFrom(hrEmployeesProjection.name)
  @ApiOperation({ summary: 'HR-1 employment records with salary versions: hr-manager all (or ?department), a manager their direct reports; by staff id' })
  @ApiOkPagedResponse(HrEmployeeSchema)
  async employees(@CurrentActor() actor: Actor, @Query() q: EmployeeListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.list(actor, { department: q.department, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('employees/:staffId')
  @Roles(...ANY_STAFF)
  @ReadsFrom(hrEmployeesProjection.name)
  @StaffIdParam()
  @ApiOperation({ summary: 'HR-1 one employment record (probation end, salary versions): the person, their manager or hr-manager' })
  @ApiOkResponse({ type: HrEmployeeSchema })
  employee(@CurrentActor() actor: Actor, @Param('staffId') staffId: string) {
    return this.queries.one(actor, staffId);
  }
}
