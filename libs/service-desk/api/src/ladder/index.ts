export * from './ladder.dto';
export * from './ladder.commands';
export * from './ladder.controller';
export * from './ladder-api.module';
