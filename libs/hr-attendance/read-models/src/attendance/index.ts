export * from './staff-month.projection';
export * from './requests.projection';
export * from './staff-months.reads';
export * from './attendance.queries';
export * from './attendance.schemas';
export * from './attendance-query.controller';
export * from './attendance-query.module';
