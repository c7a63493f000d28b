import { Module } from '@nestjs/common';
import { CollaborationsController, FaultsController } from './faults.controller';
import { FaultsCommands } from './faults.commands';

export * from './faults.dto';
export * from './faults.commands';
export * from './faults.controller';

@Module({ controllers: [FaultsController, CollaborationsController], providers: [FaultsCommands] })
export class FaultsApiModule {}
