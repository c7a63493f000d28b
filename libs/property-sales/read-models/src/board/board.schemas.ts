import { UNIT_STATUSES, UNIT_TYPES, type UnitStatus, type UnitType } from '@ebp/property-sales-domain';
import { ApiEnum, ApiInstant, ApiInt, ApiNestedList, ApiNested, ApiText } from '@ebp/shared-nest';
import type { BoardFloorView, BoardUnitView, BoardView } from './board.view';

export class SalesBoardUnitSchema implements BoardUnitView {
  @ApiText({ example: 'lakeside.b1.1203' }) unitId!: string;
  @ApiText({ example: '1203' }) number!: string;
  @ApiInt({ example: 12 }) floor!: number;
  @ApiEnum(UNIT_TYPES) type!: UnitType;
  @ApiInt({ minimum: 1, description: 'Hundredths of a square metre (12345 = 123.45 m²)' }) areaCentiSqm!: number;
  @ApiInt({ minimum: 1, description: 'The approved list price in fen' }) listPriceFen!: number;
  @ApiEnum(UNIT_STATUSES, { description: 'PS-1: as of `asOf` (a reservation past its expiry is available)' }) state!: UnitStatus;
  @ApiInstant({ nullable: true, description: 'While reserved: when the reservation lapses' }) expiresAt!: string | null;
  @ApiInt({ description: 'Global position of the last event that changed the unit: live messages at or below it are stale' }) position!: number;
}

export class SalesBoardFloorSchema implements BoardFloorView {
  @ApiInt() floor!: number;
  @ApiNestedList(SalesBoardUnitSchema, { description: 'By number' }) units!: SalesBoardUnitSchema[];
}

export class SalesBoardCountsSchema implements Record<UnitStatus, number> {
  @ApiInt() available!: number;
  @ApiInt() reserved!: number;
  @ApiInt() held!: number;
  @ApiInt() subscribed!: number;
  @ApiInt() contracted!: number;
}

export class SalesBoardSchema implements BoardView {
  @ApiText({ example: 'lakeside' }) projectId!: string;
  @ApiText({ example: 'b1' }) buildingId!: string;
  @ApiText({ nullable: true, example: 'Building 1' }) name!: string | null;
  @ApiInstant() asOf!: string;
  @ApiInt({ description: 'Global position the board reflects' }) position!: number;
  @ApiNestedList(SalesBoardFloorSchema, { description: 'Every floor of the building, the top floor first' }) floors!: SalesBoardFloorSchema[];
  @ApiNested(SalesBoardCountsSchema, { description: 'Units per state as of `asOf`' }) counts!: SalesBoardCountsSchema;
}
