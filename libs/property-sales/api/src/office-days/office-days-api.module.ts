import { Module } from '@nestjs/common';
import { SalesStaff } from '../directory/sales-staff';
import { OfficeDaysCommands } from './office-days.commands';
import { OfficeDaysController } from './office-days.controller';

/** PS-10 the sales office's day; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [OfficeDaysController], providers: [OfficeDaysCommands, SalesStaff] })
export class OfficeDaysApiModule {}
