import { Module } from '@nestjs/common';
import { SupervisionReportCommands } from './supervision-report.commands';
import { SupervisionReportController } from './supervision-report.controller';

export * from './supervision-report.dto';
export * from './supervision-report.commands';
export * from './supervision-report.controller';

/** SD-9 supervision report submission; needs EVENT_STORE, READ_MODEL_STORE, CLOCK and the global figures source. */
@Module({ controllers: [SupervisionReportController], providers: [SupervisionReportCommands] })
export class ReportApiModule {}
