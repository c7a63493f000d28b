export * from './unit.events';
