import { Module } from '@nestjs/common';
import { HrAttendanceViewsQueryModule } from '../attendance/attendance-query.module';
import { HrEmployeesQueryModule } from '../employees/employees-query.module';
import { HrExternalFactsQueryModule } from '../facts/external-facts-query.module';
import { HrPayrollQueryModule } from '../payroll/payroll-query.module';

/** HR / attendance read models over HTTP (GET /hr-attendance/…); needs READ_MODEL_STORE and CLOCK from the host app. */
@Module({
  imports: [HrEmployeesQueryModule, HrAttendanceViewsQueryModule, HrPayrollQueryModule, HrExternalFactsQueryModule],
})
export class HrAttendanceQueryModule {}
