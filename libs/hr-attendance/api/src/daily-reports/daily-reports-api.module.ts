import { Module } from '@nestjs/common';
import { HrEmployees } from '../shared/hr-employees';
import { DailyReportsCommands } from './daily-reports.commands';
import { DailyReportsController } from './daily-reports.controller';

/** HR-5 daily work reports; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [DailyReportsController], providers: [DailyReportsCommands, HrEmployees] })
export class DailyReportsApiModule {}
