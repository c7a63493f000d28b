import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { monthlyFiguresProjection } from './monthly-figures.projection';
import { SupervisionReportQueryController } from './report-query.controller';
import { supervisionReportProjection } from './supervision-report.projection';

export const reportProjections: Projection<object>[] = [monthlyFiguresProjection, supervisionReportProjection];

/** SD-9 monthly supervision report read side; needs READ_MODEL_STORE from the host app. */
@Module({ controllers: [SupervisionReportQueryController] })
export class ReportQueryModule {}
