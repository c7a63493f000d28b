export * from './project.events';
