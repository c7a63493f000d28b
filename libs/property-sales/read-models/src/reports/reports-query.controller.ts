import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { Actor, ReadModelStore } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles } from '@ebp/shared-auth';
import { ApiOkText, ApiQueryErrors, CLOCK, READ_MODEL_STORE, ReadsFrom, type Clock } from '@ebp/shared-nest';
import { CODE_PATTERN } from '@ebp/property-sales-domain';
import { psAgenciesProjection, psAgencyMembersProjection, psProjectsProjection } from '../registry/registry.projection';
import { REPORT_ROLES } from '../shared/access';
import { DATE_MESSAGE, DATE_PATTERN } from '../shared/params';
import { SalesAsOfQueryDto } from '../shared/query.dto';
import { psSubscriptionsProjection } from '../subscriptions/subscriptions.projection';
import { psUnitsProjection } from '../units/units.projection';
import { dailySalesCsv, dailySalesHtml, salesControlCsv, salesControlHtml } from './reports.export';
import { PsReportQueries } from './reports.queries';
import { PsDailySalesSchema, PsSalesControlSchema } from './reports.schemas';

const CODE_MESSAGE = '$property must be 1–32 letters, digits, _ or -';

export class DailySalesQueryDto {
  @ApiProperty({ type: String, pattern: CODE_PATTERN.source, example: 'lakeside' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  projectId!: string;

  @ApiProperty({ type: String, format: 'date', pattern: DATE_PATTERN.source, example: '2026-03-02' })
  @Matches(DATE_PATTERN, { message: DATE_MESSAGE })
  date!: string;
}

export class SalesControlQueryDto extends SalesAsOfQueryDto {
  @ApiProperty({ type: String, pattern: CODE_PATTERN.source, example: 'lakeside' })
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  projectId!: string;

  @ApiPropertyOptional({ type: String, pattern: CODE_PATTERN.source, example: 'b1', description: 'One building; every building of the project when absent' })
  @IsOptional()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  buildingId?: string;
}

const DAILY_SOURCES = [psSubscriptionsProjection.name, psAgenciesProjection.name, psAgencyMembersProjection.name, psProjectsProjection.name];
const CONTROL_SOURCES = [psUnitsProjection.name, psProjectsProjection.name, psAgencyMembersProjection.name];
const DAILY = "the day's subscriptions (with those cancelled since), contracts and amounts per agency and salesperson; site manager, site supervisor, finance, agency supervisors (their agency)";
const CONTROL = 'units, areas and list prices per state (as of now or ?asOf) per building; site manager, site supervisor, finance, agency supervisors';

@ApiTags('property-sales reports')
@ApiQueryErrors()
@Controller('property-sales')
export class PsReportsQueryController {
  private readonly queries: PsReportQueries;

  constructor(
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queries = new PsReportQueries(store);
  }

  @Get('reports/daily-sales.csv')
  @Roles(...REPORT_ROLES)
  @ReadsFrom(...DAILY_SOURCES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: `PS-4 daily sales as CSV (UTF-8 BOM): ${DAILY}` })
  @ApiOkText('text/csv', 'row,agencyId,agencyName,salespersonId,… salesperson, agency and total rows')
  async dailySalesCsv(@CurrentActor() actor: Actor, @Query() q: DailySalesQueryDto) {
    return dailySalesCsv(await this.queries.dailySales(actor, q.projectId, q.date));
  }

  @Get('reports/daily-sales.html')
  @Roles(...REPORT_ROLES)
  @ReadsFrom(...DAILY_SOURCES)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: `PS-4 daily sales as a printable HTML page: ${DAILY}` })
  @ApiOkText('text/html', 'A printable daily sales report')
  async dailySalesHtml(@CurrentActor() actor: Actor, @Query() q: DailySalesQueryDto) {
    return dailySalesHtml(await this.queries.dailySales(actor, q.projectId, q.date));
  }

  @Get('reports/daily-sales')
  @Roles(...REPORT_ROLES)
  @ReadsFrom(...DAILY_SOURCES)
  @ApiOperation({ summary: `PS-4 daily sales: ${DAILY}` })
  @ApiOkResponse({ type: PsDailySalesSchema })
  dailySales(@CurrentActor() actor: Actor, @Query() q: DailySalesQueryDto) {
    return this.queries.dailySales(actor, q.projectId, q.date);
  }

  @Get('reports/sales-control.csv')
  @Roles(...REPORT_ROLES)
  @ReadsFrom(...CONTROL_SOURCES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: `PS-1 sales-control summary as CSV (UTF-8 BOM): ${CONTROL}` })
  @ApiOkText('text/csv', 'row,buildingId,buildingName,state,units,areaCentiSqm,… rows')
  async salesControlCsv(@CurrentActor() actor: Actor, @Query() q: SalesControlQueryDto) {
    return salesControlCsv(await this.queries.salesControl(actor, q.projectId, q.buildingId, q.asOf ?? this.clock.now()));
  }

  @Get('reports/sales-control.html')
  @Roles(...REPORT_ROLES)
  @ReadsFrom(...CONTROL_SOURCES)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: `PS-1 sales-control summary as a printable HTML page: ${CONTROL}` })
  @ApiOkText('text/html', 'A printable sales-control summary')
  async salesControlHtml(@CurrentActor() actor: Actor, @Query() q: SalesControlQueryDto) {
    return salesControlHtml(await this.queries.salesControl(actor, q.projectId, q.buildingId, q.asOf ?? this.clock.now()));
  }

  @Get('reports/sales-control')
  @Roles(...REPORT_ROLES)
  @ReadsFrom(...CONTROL_SOURCES)
  @ApiOperation({ summary: `PS-1 sales-control summary: ${CONTROL}` })
  @ApiOkResponse({ type: PsSalesControlSchema })
  salesControl(@CurrentActor() actor: Actor, @Query() q: SalesControlQueryDto) {
    return this.queries.salesControl(actor, q.projectId, q.buildingId, q.asOf ?? this.clock.now());
  }
}
