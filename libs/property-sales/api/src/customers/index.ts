export * from './customers.dto';
export * from './customers.commands';
export * from './customers.controller';
export * from './customers-api.module';
