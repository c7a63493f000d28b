export * from './unit-import';
export * from './units.dto';
export * from './sales-parties';
export * from './units.commands';
export * from './units.controller';
export * from './units-api.module';
