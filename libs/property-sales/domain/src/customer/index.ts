export * from './customer.events';
