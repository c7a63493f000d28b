export * from './composition/property-sales-api.module';
export * from './directory';
export * from './customers';
export * from './units';
export * from './signing-lists';
export * from './office-days';
