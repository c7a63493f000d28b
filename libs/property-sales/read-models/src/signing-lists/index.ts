export * from './signing-lists.projection';
export * from './signing-lists.queries';
export * from './signing-lists.schemas';
export * from './signing-lists-query.controller';
export * from './signing-lists-query.module';
