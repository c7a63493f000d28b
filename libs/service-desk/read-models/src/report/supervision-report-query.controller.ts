import { BadRequestException, Controller, Get, Header, Inject, NotFoundException, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { Roles } from '@ebp/shared-auth';
import { READ_MODEL_STORE } from '@ebp/shared-nest';
import { isSupervisionMonth } from '@ebp/service-desk-domain';
import { supervisionReportCsv, supervisionReportHtml, type SupervisionReportDocument } from './supervision-report.export';
import { SupervisionReportQueries } from './supervision-report.queries';

/** SD-9: who reads the supervision report — its author, its addressee and the Office. */
export const SUPERVISION_REPORT_READERS = ['business-dept', 'general-manager', 'office'] as const;

export class ExportQueryDto {
  /** A submitted version; omitted → the live draft. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) version?: number;
}

@ApiTags('service-desk supervision reports')
@ApiBearerAuth()
@Controller('service-desk/supervision-reports')
export class SupervisionReportQueryController {
  private readonly queries: SupervisionReportQueries;

  constructor(@Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.queries = new SupervisionReportQueries(store);
  }

  @Get(':month/draft')
  @Roles(...SUPERVISION_REPORT_READERS)
  @ApiOperation({ summary: 'SD-9 live figures of a month (Asia/Shanghai), as a submission would freeze them now' })
  async draft(@Param('month') month: string) {
    return this.queries.figures(requireMonth(month));
  }

  @Get([':month.csv', ':month/export.csv'])
  @Roles(...SUPERVISION_REPORT_READERS)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'SD-9 the draft (or ?version=n as submitted) as figure,value CSV with a UTF-8 BOM' })
  async csv(@Param('month') month: string, @Query() q: ExportQueryDto) {
    return supervisionReportCsv(await this.document(requireMonth(month), q.version));
  }

  @Get([':month.html', ':month/export.html'])
  @Roles(...SUPERVISION_REPORT_READERS)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'SD-9 printable HTML page with the figures table and an SVG bar chart (draft or ?version=n)' })
  async html(@Param('month') month: string, @Query() q: ExportQueryDto) {
    return supervisionReportHtml(await this.document(requireMonth(month), q.version));
  }

  @Get(':month/versions/:version')
  @Roles(...SUPERVISION_REPORT_READERS)
  @ApiOperation({ summary: 'SD-9 one submitted version, exactly as submitted' })
  async version(@Param('month') month: string, @Param('version', ParseIntPipe) version: number) {
    return this.submitted(requireMonth(month), version);
  }

  @Get(':month')
  @Roles(...SUPERVISION_REPORT_READERS)
  @ApiOperation({ summary: 'SD-9 the latest submitted version of a month and the list of all versions' })
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
  if (!isSupervisionMonth(month)) {
    throw new BadRequestException({ statusCode: 400, error: 'bad-request', rule: 'SD-9', message: `month must be YYYY-MM, got '${month}'` });
  }
  return month;
}

function notFound(message: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'not-found', rule: 'SD-9', message });
}
