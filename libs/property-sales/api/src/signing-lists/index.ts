export * from './signing-lists.dto';
export * from './signing-lists.commands';
export * from './signing-lists.controller';
export * from './signing-lists-api.module';
