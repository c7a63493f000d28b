export * from './hr-attendance.projections';
export * from './hr-attendance-query.module';
