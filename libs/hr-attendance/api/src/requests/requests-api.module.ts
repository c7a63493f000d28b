import { Module } from '@nestjs/common';
import { HrEmployees } from '../shared/hr-employees';
import { RequestsCommands } from './requests.commands';
import { RequestsController } from './requests.controller';

/** HR-2 leave requests and attendance corrections; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [RequestsController], providers: [RequestsCommands, HrEmployees] })
export class RequestsApiModule {}
