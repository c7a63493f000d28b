import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { monthlyFiguresProjection } from './monthly-figures.projection';
import { SupervisionReportQueryController } from './supervision-report-query.controller';
import { supervisionReportProjection } from './supervision-report.projection';

export * from './monthly-figures.projection';
export * from './supervision-report.projection';
export * from './supervision-report.queries';
export * from './supervision-report.export';
export * from './supervision-report-query.controller';

export const reportProjections: Projection<object>[] = [monthlyFiguresProjection, supervisionReportProjection];

/** SD-9 monthly supervision report read side; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [SupervisionReportQueryController] })
export class ReportQueryModule {}
