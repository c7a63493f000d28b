export * from './envelope';
export * from './errors';
export * from './decider';
export * from './ports';
export * from './command-handler';
export * from './relay';
export * from './projection';
export * from './in-memory-bus';
