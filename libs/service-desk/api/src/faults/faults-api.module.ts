import { Module } from '@nestjs/common';
import { CollaborationsController, FaultsController } from './faults.controller';
import { FaultsCommands } from './faults.commands';

/** SD-13 collaborations and SD-14 major faults; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [FaultsController, CollaborationsController], providers: [FaultsCommands] })
export class FaultsApiModule {}
