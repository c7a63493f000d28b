export * from './context';
export * from './streams';
export * from './sg.policy';
export * from './regions';
export * from './actor';
export * from './errors';
