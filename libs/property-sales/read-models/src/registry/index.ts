export * from './registry.projection';
