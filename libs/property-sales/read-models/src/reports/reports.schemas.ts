import { UNIT_STATUSES, type UnitStatus } from '@ebp/property-sales-domain';
import { ApiDate, ApiEnum, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText } from '@ebp/shared-nest';
import type { AgencySalesRow, BuildingSalesControl, DailySalesReport, DailySalesRow, SalesControlReport, SalesFigures, StateFigures } from './reports.queries';

export class PsSalesFiguresSchema implements SalesFigures {
  @ApiInt({ minimum: 0, description: 'Units subscribed that day' }) subscriptions!: number;
  @ApiInt({ minimum: 0 }) subscriptionsFen!: number;
  @ApiInt({ minimum: 0, description: "Of that day's subscriptions, cancelled since" }) cancelled!: number;
  @ApiInt({ minimum: 0, description: 'Contracts concluded that day' }) contracts!: number;
  @ApiInt({ minimum: 0 }) contractsFen!: number;
}

export class PsDailySalesRowSchema extends PsSalesFiguresSchema implements DailySalesRow {
  @ApiText() agencyId!: string;
  @ApiText() agencyName!: string;
  @ApiText() salespersonId!: string;
  @ApiText() salespersonName!: string;
}

export class PsAgencySalesRowSchema extends PsSalesFiguresSchema implements AgencySalesRow {
  @ApiText() agencyId!: string;
  @ApiText() agencyName!: string;
}

export class PsDailySalesSchema implements DailySalesReport {
  @ApiText() projectId!: string;
  @ApiText({ nullable: true }) projectName!: string | null;
  @ApiDate() date!: string;
  @ApiText({ nullable: true, description: "An agency supervisor: their agency's rows only" }) agencyId!: string | null;
  @ApiNestedList(PsDailySalesRowSchema, { description: 'By agency, then salesperson' }) items!: PsDailySalesRowSchema[];
  @ApiNestedList(PsAgencySalesRowSchema) agencies!: PsAgencySalesRowSchema[];
  @ApiNested(PsSalesFiguresSchema) totals!: PsSalesFiguresSchema;
}

export class PsStateFiguresSchema implements StateFigures {
  @ApiEnum(UNIT_STATUSES) state!: UnitStatus;
  @ApiInt({ minimum: 0 }) units!: number;
  @ApiInt({ minimum: 0, description: 'Hundredths of a square metre' }) areaCentiSqm!: number;
  @ApiInt({ minimum: 0 }) listPriceFen!: number;
}

export class PsBuildingSalesControlSchema implements BuildingSalesControl {
  @ApiText() buildingId!: string;
  @ApiText({ nullable: true }) buildingName!: string | null;
  @ApiNestedList(PsStateFiguresSchema, { description: 'One row per state, zeros included' }) states!: PsStateFiguresSchema[];
  @ApiInt({ minimum: 0 }) units!: number;
  @ApiInt({ minimum: 0 }) areaCentiSqm!: number;
  @ApiInt({ minimum: 0 }) listPriceFen!: number;
}

export class PsSalesControlSchema implements SalesControlReport {
  @ApiText() projectId!: string;
  @ApiText({ nullable: true }) projectName!: string | null;
  @ApiText({ nullable: true }) buildingId!: string | null;
  @ApiInstant() asOf!: string;
  @ApiNestedList(PsBuildingSalesControlSchema) buildings!: PsBuildingSalesControlSchema[];
  @ApiNestedList(PsStateFiguresSchema, { description: 'The project (or building) per state' }) totals!: PsStateFiguresSchema[];
}
