export * from './sales-staff';
export * from './directory.dto';
export * from './directory.commands';
export * from './directory.controller';
export * from './directory-api.module';
