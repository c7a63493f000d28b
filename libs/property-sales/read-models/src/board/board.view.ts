import type { UnitStatus, UnitType } from '@ebp/property-sales-domain';
import type { BoardCell, BoardDoc } from './board.projection';

/** PS-1: a unit on the board as of an instant. */
export interface BoardUnitView {
  unitId: string;
  number: string;
  floor: number;
  type: UnitType;
  areaCentiSqm: number;
  listPriceFen: number;
  /** As of `asOf`: a reservation past its expiry is available again. */
  state: UnitStatus;
  /** While reserved: when the reservation lapses; else null. */
  expiresAt: string | null;
  position: number;
}

export interface BoardFloorView {
  floor: number;
  units: BoardUnitView[];
}

/** PS-1: floors (top first) × units, with the count per state. */
export interface BoardView {
  projectId: string;
  buildingId: string;
  name: string | null;
  asOf: string;
  /** Global position the board reflects. */
  position: number;
  floors: BoardFloorView[];
  counts: Record<UnitStatus, number>;
}

/** What one `event: unit` message of the live stream carries. */
export interface BoardUnitMessage {
  unitId: string;
  number: string;
  floor: number;
  state: UnitStatus;
  expiresAt: string | null;
  position: number;
}

/** PS-1: the state a cell shows at `now`: a reservation whose `expiresAt` has passed shows available. */
export function cellStateAt(cell: Pick<BoardCell, 'status' | 'expiresAt'>, now: string): { state: UnitStatus; expiresAt: string | null } {
  if (cell.status !== 'reserved') return { state: cell.status, expiresAt: null };
  if (cell.expiresAt !== null && Date.parse(now) < Date.parse(cell.expiresAt)) return { state: 'reserved', expiresAt: cell.expiresAt };
  return { state: 'available', expiresAt: null };
}

export function unitViewAt(cell: BoardCell, now: string): BoardUnitView {
  const { state, expiresAt } = cellStateAt(cell, now);
  return {
    unitId: cell.unitId,
    number: cell.number,
    floor: cell.floor,
    type: cell.type,
    areaCentiSqm: cell.areaCentiSqm,
    listPriceFen: cell.listPriceFen,
    state,
    expiresAt,
    position: cell.position,
  };
}

export function unitMessageAt(cell: BoardCell, now: string): BoardUnitMessage {
  const { state, expiresAt } = cellStateAt(cell, now);
  return { unitId: cell.unitId, number: cell.number, floor: cell.floor, state, expiresAt, position: cell.position };
}

export const emptyCounts = (): Record<UnitStatus, number> => ({ available: 0, reserved: 0, held: 0, subscribed: 0, contracted: 0 });

/** PS-1: the board as of `now`; every floor of the building (empty ones too), the top floor first. */
export function boardAt(doc: BoardDoc, now: string): BoardView {
  const byFloor = new Map<number, BoardUnitView[]>();
  for (let floor = 1; floor <= doc.floors; floor++) byFloor.set(floor, []);
  const counts = emptyCounts();
  for (const cell of doc.units) {
    const unit = unitViewAt(cell, now);
    counts[unit.state]++;
    const floor = byFloor.get(unit.floor) ?? [];
    floor.push(unit);
    byFloor.set(unit.floor, floor);
  }
  const floors = [...byFloor.entries()].sort(([a], [b]) => b - a).map(([floor, units]) => ({ floor, units }));
  return { projectId: doc.projectId, buildingId: doc.buildingId, name: doc.name, asOf: now, position: doc.position, floors, counts };
}
