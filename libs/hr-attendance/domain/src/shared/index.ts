export * from './context';
export * from './hr.policy';
export * from './streams';
export * from './event-id';
