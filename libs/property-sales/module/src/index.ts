export * from './property-sales.manifest';
