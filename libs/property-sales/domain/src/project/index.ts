export * from './project.events';
export * from './project.commands';
export * from './project.decider';
