import { Module } from '@nestjs/common';
import { HrPayrollQueryController } from './payroll-query.controller';

/** HR-6 payslips and the payroll register over HTTP; needs READ_MODEL_STORE and CLOCK from the host. */
@Module({ controllers: [HrPayrollQueryController] })
export class HrPayrollQueryModule {}
