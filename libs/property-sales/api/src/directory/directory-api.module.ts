import { Module } from '@nestjs/common';
import { SalesDirectoryCommands } from './directory.commands';
import { SalesDirectoryController } from './directory.controller';

/** Projects, buildings, agencies and their members; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [SalesDirectoryController], providers: [SalesDirectoryCommands] })
export class SalesDirectoryApiModule {}
