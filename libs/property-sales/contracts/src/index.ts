export * from './property-sales.contracts';
