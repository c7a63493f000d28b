import { Module } from '@nestjs/common';
import { DutyCommands } from './duty.commands';
import { DutyController } from './duty.controller';

/** SD-10 weekly reports and SD-15 holiday duty commands; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [DutyController], providers: [DutyCommands] })
export class DutyApiModule {}
