export * from './pay.dto';
export * from './pay.commands';
export * from './pay.controller';
export * from './pay-api.module';
