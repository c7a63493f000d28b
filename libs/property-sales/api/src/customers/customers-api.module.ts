import { Module } from '@nestjs/common';
import { SalesStaff } from '../directory/sales-staff';
import { CustomersCommands } from './customers.commands';
import { CustomersController } from './customers.controller';

/** PS-2 the customer register; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [CustomersController], providers: [CustomersCommands, SalesStaff] })
export class CustomersApiModule {}
