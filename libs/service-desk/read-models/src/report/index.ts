export * from './monthly-figures.projection';
export * from './supervision-report.projection';
export * from './report.queries';
export * from './report.schemas';
export * from './supervision-report.export';
export * from './report-query.controller';
export * from './report-query.module';
