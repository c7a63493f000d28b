export * from './office-day.events';
export * from './office-day.commands';
export * from './office-day.decider';
export * from './office-day.checklist';
