export * from './requests.dto';
export * from './requests.commands';
export * from './requests.controller';
export * from './requests-api.module';
