import { BadRequestException, Controller, Get, Header, Inject, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { Roles } from '@ebp/shared-auth';
import { ApiQueryErrors, READ_MODEL_STORE, ReadsFrom } from '@ebp/shared-nest';

import { isMonth } from '@ebp/shared-kernel';
import { callbackFileProjection } from '../callbacks/callback-file.projection';
import { ApiOkText } from '@ebp/shared-nest';
import { ticketProjection } from '../ticket/ticket.projection';
import { monthlyFiguresProjection } from './monthly-figures.projection';
import { SupervisionReportQueries } from './report.queries';
import { SubmittedSupervisionReportSchema, SupervisionFiguresSchema, SupervisionReportLatestSchema } from './report.schemas';
import { supervisionReportCsv, supervisionReportHtml, type SupervisionReportDocument } from './supervision-report.export';
import { supervisionReportProjection } from './supervision-report.projection';

/** SD-9: who reads the supervision report — its author, its addressee and the Office. */
export const SUPERVISION_REPORT_READERS = ['business-dept', 'general-manager', 'office'] as const;

/** What the live figures are computed from: the month's counters, every ticket and every callback file. */
const DRAFT_SOURCES = [monthlyFiguresProjection.name, ticketProjection.name, callbackFileProjection.name];

export class ExportQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'A submitted version; omitted → the live draft' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

const MONTH = ApiParam({ name: 'month', description: 'Asia/Shanghai month, YYYY-MM', example: '2026-03', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' } });

@ApiTags('service-desk supervision reports')
@ApiQueryErrors()
@Controller('service-desk/supervision-reports')
export class SupervisionReportQueryController {
  private readonly queries: SupervisionReportQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new SupervisionReportQueries(store);
  }

  @Get(':month/draft')
  @Roles(...SUPERVISION_REPORT_READERS)
  @ReadsFrom(...DRAFT_SOURCES)
  @MONTH
  @ApiOperation({ summary: 'SD-9 live figures of a month (Asia/Shanghai), as a submission would freeze them now' })
  @ApiOkResponse({ type: SupervisionFiguresSchema })
  async draft(@Param('month') month: string) {
    return this.queries.figures(requireMonth(month));
  }

  @Get([':month.csv', ':month/export.csv'])
  @Roles(...SUPERVISION_REPORT_READERS)
  @ReadsFrom(...DRAFT_SOURCES, supervisionReportProjection.name)
  @Header('content-type', 'text/csv; charset=utf-8')
  @MONTH
  @ApiOperation({ summary: 'SD-9 the draft (or ?version=n as submitted) as figure,value CSV with a UTF-8 BOM' })
  @ApiOkText('text/csv', 'figure,value rows with a UTF-8 BOM, CRLF line ends')
  async csv(@Param('month') month: string, @Query() q: ExportQueryDto) {
    return supervisionReportCsv(await this.document(requireMonth(month), q.version));
  }

  @Get([':month.html', ':month/export.html'])
  @Roles(...SUPERVISION_REPORT_READERS)
  @ReadsFrom(...DRAFT_SOURCES, supervisionReportProjection.name)
  @Header('content-type', 'text/html; charset=utf-8')
  @MONTH
  @ApiOperation({ summary: 'SD-9 printable HTML page with the figures table and an SVG bar chart (draft or ?version=n)' })
  @ApiOkText('text/html', 'A printable page: figures table and inline SVG bar chart')
  async html(@Param('month') month: string, @Query() q: ExportQueryDto) {
    return supervisionReportHtml(await this.document(requireMonth(month), q.version));
  }

  @Get(':month/versions/:version')
  @Roles(...SUPERVISION_REPORT_READERS)
  @ReadsFrom(supervisionReportProjection.name)
  @MONTH
  @ApiParam({ name: 'version', type: 'integer', description: 'A submitted version (1 = the first submission)', example: 1 })
  @ApiOperation({ summary: 'SD-9 one submitted version, exactly as submitted' })
  @ApiOkResponse({ type: SubmittedSupervisionReportSchema })
  async version(@Param('month') month: string, @Param('version', ParseIntPipe) version: number) {
    return this.submitted(requireMonth(month), version);
  }

  @Get(':month')
  @Roles(...SUPERVISION_REPORT_READERS)
  @ReadsFrom(supervisionReportProjection.name)
  @MONTH
  @ApiOperation({ summary: 'SD-9 the latest submitted version of a month and the list of all versions' })
  @ApiOkResponse({ type: SupervisionReportLatestSchema })
  async latest(@Param('month') month: string) {
    const report = await this.queries.report(requireMonth(month));
    if (!report) throw notFound(`no supervision report has been submitted for ${month}`);
    const latest = report.versions.find((v) => v.version === report.latestVersion) ?? null;
    return {
      month: report.month,
      latest,
      versions: report.versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt, submittedBy: v.submittedBy, addressedTo: v.addressedTo })),
    };
  }

  private async document(month: string, version: number | undefined): Promise<SupervisionReportDocument> {
    if (version === undefined) return { kind: 'draft', figures: await this.queries.figures(month) };
    return { kind: 'submitted', report: await this.submitted(month, version) };
  }

  private async submitted(month: string, version: number) {
    const report = await this.queries.version(month, version);
    if (!report) throw notFound(`supervision report ${month} has no version ${version}`);
    return report;
  }
}

function requireMonth(month: string): string {
  if (!isMonth(month)) {
    throw new BadRequestException({ statusCode: 400, error: 'bad-request', rule: 'SD-9', message: `month must be YYYY-MM, got '${month}'` });
  }
  return month;
}

function notFound(message: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'not-found', rule: 'SD-9', message });
}
