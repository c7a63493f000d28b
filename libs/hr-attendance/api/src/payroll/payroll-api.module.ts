import { Module } from '@nestjs/common';
import { HrEmployees } from '../shared/hr-employees';
import { PayrollCommands } from './payroll.commands';
import { PayrollController } from './payroll.controller';

/** HR-6 the month's close; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({ controllers: [PayrollController], providers: [PayrollCommands, HrEmployees] })
export class PayrollApiModule {}
