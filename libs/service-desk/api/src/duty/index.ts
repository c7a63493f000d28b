export * from './duty.dto';
export * from './duty.commands';
export * from './duty.controller';
export * from './duty-api.module';
