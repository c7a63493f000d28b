import { Module } from '@nestjs/common';
import type { Projection } from '@ebp/shared-eventsourcing';
import { DutyQueryController } from './duty-query.controller';
import { holidayDutyProjection } from './holiday-duty.projection';
import { weeklyReportProjection } from './weekly-report.projection';

export const dutyProjections: Projection<object>[] = [weeklyReportProjection, holidayDutyProjection];

/** SD-10 weekly report compliance and SD-15 holiday duty roster views; needs READ_MODEL_STORE and CLOCK. */
@Module({ controllers: [DutyQueryController] })
export class DutyQueryModule {}
