import { Module } from '@nestjs/common';
import { HrAttendanceQueryController } from './attendance-query.controller';

/** HR-2/3/5/7 attendance views over HTTP; needs READ_MODEL_STORE and CLOCK from the host. */
@Module({ controllers: [HrAttendanceQueryController] })
export class HrAttendanceViewsQueryModule {}
