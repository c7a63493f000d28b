import { Module } from '@nestjs/common';
import { HrEmployeesQueryController } from './employees-query.controller';

/** HR-1 employment records over HTTP; needs READ_MODEL_STORE from the host. */
@Module({ controllers: [HrEmployeesQueryController] })
export class HrEmployeesQueryModule {}
