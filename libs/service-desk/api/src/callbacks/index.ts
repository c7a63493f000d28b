export * from './callbacks.dto';
export * from './callbacks.commands';
export * from './callbacks.controller';
export * from './callbacks-api.module';
