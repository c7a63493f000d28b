import { Module } from '@nestjs/common';
import { DutyCommands } from './duty.commands';
import { DutyController } from './duty.controller';

export * from './duty.dto';
export * from './duty.commands';
export * from './duty.controller';

/** SD-10 weekly reports and SD-15 holiday duty commands; needs EVENT_STORE, READ_MODEL_STORE and CLOCK. */
@Module({ controllers: [DutyController], providers: [DutyCommands] })
export class DutyApiModule {}
