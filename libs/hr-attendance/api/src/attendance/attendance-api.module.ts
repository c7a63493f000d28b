import { Module } from '@nestjs/common';
import { HrEmployees } from '../shared/hr-employees';
import { AttendanceCommands } from './attendance.commands';
import { AttendanceController } from './attendance.controller';

/** HR-2 punches (own and imported); needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [AttendanceController], providers: [AttendanceCommands, HrEmployees] })
export class AttendanceApiModule {}
