import { Module } from '@nestjs/common';
import { LadderCommands } from './ladder.commands';
import { LadderController } from './ladder.controller';

/** SD-6, SD-8 and SD-17 commands over HTTP; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [LadderController], providers: [LadderCommands] })
export class LadderApiModule {}
