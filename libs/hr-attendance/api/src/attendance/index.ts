export * from './punch-import';
export * from './attendance.dto';
export * from './attendance.commands';
export * from './attendance.controller';
export * from './attendance-api.module';
