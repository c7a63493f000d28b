import { Module } from '@nestjs/common';
import { DirectoryCommands } from './directory.commands';
import { DirectoryController } from './directory.controller';

/** Staff, customer and project reference data; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [DirectoryController], providers: [DirectoryCommands] })
export class DirectoryApiModule {}
