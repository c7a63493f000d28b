import { Module } from '@nestjs/common';
import { CustomersApiModule } from '../customers';
import { SalesDirectoryApiModule } from '../directory';
import { OfficeDaysApiModule } from '../office-days';
import { SigningListsApiModule } from '../signing-lists';
import { UnitsApiModule } from '../units';

/** Property-sales commands over HTTP; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host app. */
@Module({
  imports: [SalesDirectoryApiModule, CustomersApiModule, UnitsApiModule, SigningListsApiModule, OfficeDaysApiModule],
})
export class PropertySalesApiModule {}
