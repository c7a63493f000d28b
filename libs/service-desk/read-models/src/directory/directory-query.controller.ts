import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { ANY_STAFF, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';
import { customerDirectoryProjection, projectDirectoryProjection, staffDirectoryProjection } from './directory.projections';
import { DirectoryQueries } from './directory.queries';
import { CustomerSchema, ProjectSchema, StaffListSchema } from './directory.schemas';

export class ProjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the projects of this customer id' }) @IsOptional() @IsString() customer?: string;
}

@ApiTags('service-desk queries')
@ApiQueryErrors()
@Controller('service-desk')
export class DirectoryQueryController {
  private readonly queries: DirectoryQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new DirectoryQueries(store);
  }

  @Get('staff')
  @Roles(...ANY_STAFF)
  @ReadsFrom(staffDirectoryProjection.name)
  @ApiOperation({ summary: 'Staff directory, optionally of one department; not paged' })
  @ApiQuery({ name: 'department', required: false, type: String, description: 'Only this department' })
  @ApiOkResponse({ type: StaffListSchema })
  async staff(@Query('department') department?: string) {
    return { items: await this.queries.staff(department) };
  }

  @Get('customers')
  @Roles(...ANY_STAFF)
  @ReadsFrom(customerDirectoryProjection.name)
  @ApiOperation({ summary: 'Customer directory by customer id; paged' })
  @ApiOkPagedResponse(CustomerSchema)
  async customers(@Query() q: PageQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.customers(p.skip, p.limit);
    return paged(q, result.total, result.items);
  }

  @Get('projects')
  @Roles(...ANY_STAFF)
  @ReadsFrom(projectDirectoryProjection.name)
  @ApiOperation({ summary: "Project directory by project id, optionally one customer's; paged" })
  @ApiOkPagedResponse(ProjectSchema)
  async projects(@Query() q: ProjectListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.projects(q.customer, p.skip, p.limit);
    return paged(q, result.total, result.items);
  }
}
