export * from './hr-attendance.manifest';
