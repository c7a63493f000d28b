import { Module } from '@nestjs/common';
import { AttendanceApiModule } from '../attendance';
import { ConductApiModule } from '../conduct';
import { DailyReportsApiModule } from '../daily-reports';
import { EmployeesApiModule } from '../employees';
import { PayApiModule } from '../pay';
import { PayrollApiModule } from '../payroll';
import { RequestsApiModule } from '../requests';

/** HR / attendance commands over HTTP; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({
  imports: [EmployeesApiModule, AttendanceApiModule, RequestsApiModule, DailyReportsApiModule, ConductApiModule, PayApiModule, PayrollApiModule],
})
export class HrAttendanceApiModule {}
