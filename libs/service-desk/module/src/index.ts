export * from './service-desk.manifest';
