import { Module } from '@nestjs/common';
import { BoardQueryModule } from '../board';
import { PsCustomersQueryModule } from '../customers/customers-query.module';
import { PsOfficeDaysQueryModule } from '../office-days/office-days-query.module';
import { PsReportsQueryModule } from '../reports/reports-query.module';
import { PsSigningListsQueryModule } from '../signing-lists/signing-lists-query.module';
import { PsSubscriptionsQueryModule } from '../subscriptions/subscriptions-query.module';
import { PsUnitsQueryModule } from '../units/units-query.module';

/** Property-sales read models over HTTP (GET /property-sales/…); plus the live board (GET /sales-control/…); needs READ_MODEL_STORE, CLOCK and LIVE_EVENTS from the host app. */
@Module({
  imports: [BoardQueryModule, PsUnitsQueryModule, PsCustomersQueryModule, PsSubscriptionsQueryModule, PsSigningListsQueryModule, PsOfficeDaysQueryModule, PsReportsQueryModule],
})
export class PropertySalesQueryModule {}
