export * from './composition';
export * from './employees';
export * from './attendance';
export * from './payroll';
export * from './facts';
export * from './shared/access';
export * from './shared/person';
