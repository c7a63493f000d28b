export * from './callback-file.projection';
export * from './needs-campaign.projection';
export * from './callbacks.queries';
export * from './callbacks.schemas';
export * from './callbacks-query.controller';
export * from './callbacks-query.module';
