import { Module } from '@nestjs/common';
import { HrEmployees } from '../shared/hr-employees';
import { PayCommands } from './pay.commands';
import { PayController } from './pay.controller';

/** HR-6 commission and bonus; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [PayController], providers: [PayCommands, HrEmployees] })
export class PayApiModule {}
