export * from './proactive.dto';
export * from './proactive.commands';
export * from './proactive.controller';
export * from './proactive-api.module';
