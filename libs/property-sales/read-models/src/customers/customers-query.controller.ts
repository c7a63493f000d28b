import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiOkPagedResponse, ApiQueryErrors, PageQueryDto, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';
import { paged, toSkipLimit } from '@ebp/shared-kernel';
import { CODE_PATTERN } from '@ebp/property-sales-domain';
import { psAgencyMembersProjection } from '../registry/registry.projection';
import { PS_ROLES } from '../shared/access';
import { ID_MESSAGE, ID_PATTERN } from '../shared/params';
import { PsCustomerQueries } from './customers.queries';
import { psCustomersProjection } from './customers.projection';
import { PsCustomerSchema } from './customers.schemas';

export class CustomerListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, pattern: CODE_PATTERN.source, description: 'Only this project' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: 'projectId must be 1–32 letters, digits, _ or -' })
  projectId?: string;

  @ApiPropertyOptional({ type: String, pattern: ID_PATTERN.source, description: "Only this owning agency (an agency's people: their own only)" })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `agencyId ${ID_MESSAGE}` })
  agencyId?: string;
}

const SOURCES = [psCustomersProjection.name, psAgencyMembersProjection.name];

@ApiTags('property-sales queries')
@ApiQueryErrors()
@Controller('property-sales')
export class PsCustomersQueryController {
  private readonly queries: PsCustomerQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new PsCustomerQueries(store);
  }

  @Get('customers')
  @Roles(...PS_ROLES)
  @ReadsFrom(...SOURCES)
  @ApiOperation({
    summary:
      "PS-2 the customer register (?projectId, ?agencyId), oldest first: an agency's people their own agency's (another agency 403), the developer's people all; phone and ID masked but for the owner, their agency supervisor and the site manager",
  })
  @ApiOkPagedResponse(PsCustomerSchema)
  async customers(@CurrentActor() actor: Actor, @Query() q: CustomerListQueryDto) {
    const p = toSkipLimit(q);
    const result = await this.queries.list(actor, { projectId: q.projectId, agencyId: q.agencyId, skip: p.skip, limit: p.limit });
    return paged(q, result.total, result.items);
  }

  @Get('customers/:customerId')
  @Roles(...PS_ROLES)
  @ReadsFrom(...SOURCES)
  @ApiParam({ name: 'customerId', example: 'c-3f2a9c0d1e4b5a67' })
  @ApiOperation({ summary: "PS-2 one customer with the duplicate registrations: the owning agency's people and the developer's (another agency 403); masked as in the register" })
  @ApiOkResponse({ type: PsCustomerSchema })
  customer(@CurrentActor() actor: Actor, @Param('customerId') customerId: string) {
    return this.queries.one(actor, customerId);
  }
}
