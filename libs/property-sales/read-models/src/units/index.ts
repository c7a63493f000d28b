export * from './copies';
export * from './units.projection';
export * from './units.queries';
export * from './units.schemas';
export * from './units-query.controller';
export * from './units-query.module';
