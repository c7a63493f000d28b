import { Module } from '@nestjs/common';
import { HrEmployees } from '../shared/hr-employees';
import { ConductCommands } from './conduct.commands';
import { ConductController } from './conduct.controller';

/** HR-4 complaint fines and HR-7 conduct records; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [ConductController], providers: [ConductCommands, HrEmployees] })
export class ConductApiModule {}
