export * from './subscription.view';
export * from './subscriptions.projection';
export * from './subscriptions.queries';
export * from './subscriptions.schemas';
export * from './subscriptions-query.controller';
export * from './subscriptions-query.module';
