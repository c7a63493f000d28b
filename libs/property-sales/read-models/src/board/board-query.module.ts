import { Module } from '@nestjs/common';
import { SalesBoardLive } from './board-live';
import { SalesBoardQueryController } from './board-query.controller';
import { SalesControlPageController } from './sales-control-page.controller';

/**
 * PS-1 the sales-control board: the JSON board, its Server-Sent Events and the live page. Needs
 * READ_MODEL_STORE, CLOCK and LIVE_EVENTS from the host app.
 */
@Module({ controllers: [SalesBoardQueryController, SalesControlPageController], providers: [SalesBoardLive] })
export class BoardQueryModule {}
