export * from './hr-attendance.contracts';
