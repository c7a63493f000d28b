export * from './office-day.events';
