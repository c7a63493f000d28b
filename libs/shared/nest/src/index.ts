export * from './injection-tokens';
export * from './error.filter';
export * from './validation';
export * from './revision-headers';
export * from './health';
export * from './http-app';
export * from './ports.module';
