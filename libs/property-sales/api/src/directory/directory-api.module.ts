import { Module } from '@nestjs/common';
import { DirectoryCommands } from './directory.commands';
import { DirectoryController } from './directory.controller';

/** Projects, buildings, agencies and their members; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [DirectoryController], providers: [DirectoryCommands] })
export class DirectoryApiModule {}
