export * from './report.dto';
export * from './report.commands';
export * from './report.controller';
export * from './report-api.module';
