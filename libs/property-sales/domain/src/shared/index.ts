export * from './context';
export * from './streams';
export * from './ps.policy';
