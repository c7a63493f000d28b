import { Module } from '@nestjs/common';
import { SalesParties } from './sales-parties';
import { UnitsCommands } from './units.commands';
import { UnitsController } from './units.controller';

/** PS-1 … PS-8 unit commands (listing, reservations, price sheets, subscription, follow-up, signing); needs EVENT_STORE and CLOCK from the host app. */
@Module({ controllers: [UnitsController], providers: [UnitsCommands, SalesParties] })
export class UnitsApiModule {}
