export * from './office-days.dto';
export * from './office-days.commands';
export * from './office-days.controller';
export * from './office-days-api.module';
