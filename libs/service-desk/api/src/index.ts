export * from './dto';
export * from './service-desk.commands';
export * from './service-desk.controller';
export * from './service-desk-api.module';
export * from './command-runner';
