export * from './audit.projection';
export * from './audit.queries';
export * from './audit.controller';
