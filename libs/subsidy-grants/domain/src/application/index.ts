export * from './application.events';
export * from './application.commands';
export * from './application.state';
export * from './application.decider';
export * from './deadlines';
export * from './timeline';
