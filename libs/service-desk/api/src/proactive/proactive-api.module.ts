import { Module } from '@nestjs/common';
import { ProactiveCommands } from './proactive.commands';
import { ProactiveController } from './proactive.controller';

/** SD-16 inspections, satisfaction surveys and research visits; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [ProactiveController], providers: [ProactiveCommands] })
export class ProactiveApiModule {}
