export * from './conduct.dto';
export * from './conduct.commands';
export * from './conduct.controller';
export * from './conduct-api.module';
