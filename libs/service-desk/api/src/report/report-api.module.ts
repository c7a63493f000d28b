import { Module } from '@nestjs/common';
import { SupervisionReportCommands } from './report.commands';
import { SupervisionReportController } from './report.controller';

/** SD-9 supervision report submission; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [SupervisionReportController], providers: [SupervisionReportCommands] })
export class ReportApiModule {}
