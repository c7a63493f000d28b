export * from './weekly-report.projection';
export * from './holiday-duty.projection';
export * from './duty.queries';
export * from './duty.schemas';
export * from './duty-query.controller';
export * from './duty-query.module';
