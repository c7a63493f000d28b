export * from './daily-reports.dto';
export * from './daily-reports.commands';
export * from './daily-reports.controller';
export * from './daily-reports-api.module';
