import { Module } from '@nestjs/common';
import { EmployeesCommands } from './employees.commands';
import { EmployeesController } from './employees.controller';

/** HR-1 employment records; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [EmployeesController], providers: [EmployeesCommands] })
export class EmployeesApiModule {}
