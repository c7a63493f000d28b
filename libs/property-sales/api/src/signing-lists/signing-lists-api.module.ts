import { Module } from '@nestjs/common';
import { SalesStaff } from '../directory/sales-staff';
import { SigningListsCommands } from './signing-lists.commands';
import { SigningListsController } from './signing-lists.controller';

/** PS-6 signing lists; needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [SigningListsController], providers: [SigningListsCommands, SalesStaff] })
export class SigningListsApiModule {}
