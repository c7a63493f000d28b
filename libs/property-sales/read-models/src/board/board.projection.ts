import type { Projection, RecordedEvent } from '@ebp/shared-eventsourcing';
import { projectStreams, unitIdParts, unitStreams, type ProjectEvent, type UnitEvent, type UnitStatus, type UnitType } from '@ebp/property-sales-domain';

export const BOARDS_COLLECTION = 'ps_boards';

/** One cell of the sales-control board: a unit as recorded (a lapsed reservation is still `reserved` here). */
export interface BoardCell {
  unitId: string;
  number: string;
  floor: number;
  type: UnitType;
  areaCentiSqm: number;
  listPriceFen: number;
  /** As recorded: the query shows a reservation past `expiresAt` as available. */
  status: UnitStatus;
  /** The reservation's expiry while reserved, else null. */
  expiresAt: string | null;
  /** The subscription holding the unit (subscribed, contracted), else null. */
  subscriptionId: string | null;
  /** Global position of the last event that changed this cell: a live message older than it is stale. */
  position: number;
}

/** PS-1: one document per project and building (id `<projectId>.<buildingId>`). */
export interface BoardDoc {
  boardId: string;
  projectId: string;
  buildingId: string;
  /** From BuildingAdded; null while only units are known. */
  name: string | null;
  /** Floors of the building (BuildingAdded), or 0 when unknown. */
  floors: number;
  /** Ordered by floor, then number. */
  units: BoardCell[];
  /** Global position of the last event applied. */
  position: number;
}

export const boardIdOf = (projectId: string, buildingId: string): string => `${projectId}.${buildingId}`;

/** The events that move a unit from one state of the board to another. */
export const STATE_EVENTS: ReadonlySet<string> = new Set([
  'UnitListed',
  'UnitHeldBack',
  'UnitReleased',
  'UnitReserved',
  'UnitReservationCancelled',
  'UnitSubscribed',
  'SubscriptionCancelled',
  'UnitContracted',
]);

/** The board a recorded event touches: unit streams (by the unit id's parts) and BuildingAdded. */
export function boardIdOfEvent(event: RecordedEvent): string | null {
  const unitId = unitStreams.idOf(event.metadata.streamId);
  if (unitId !== null) {
    const parts = unitIdParts(unitId);
    return parts ? boardIdOf(parts.projectId, parts.buildingId) : null;
  }
  if (projectStreams.owns(event.metadata.streamId) && event.type === 'BuildingAdded') {
    const d = (event as unknown as Extract<ProjectEvent, { type: 'BuildingAdded' }>).data;
    return boardIdOf(d.projectId, d.buildingId);
  }
  return null;
}

const compareCells = (a: BoardCell, b: BoardCell): number => a.floor - b.floor || a.number.localeCompare(b.number, 'en', { numeric: true });

function emptyBoard(boardId: string, projectId: string, buildingId: string): BoardDoc {
  return { boardId, projectId, buildingId, name: null, floors: 0, units: [], position: 0 };
}

/** The cell after a unit event, or the cell unchanged (null: the unit is not on the board yet). */
export function evolveCell(cell: BoardCell | null, event: UnitEvent, position: number): BoardCell | null {
  if (event.type === 'UnitListed') {
    const d = event.data;
    return {
      unitId: d.unitId,
      number: d.number,
      floor: d.floor,
      type: d.type,
      areaCentiSqm: d.areaCentiSqm,
      listPriceFen: d.listPriceFen,
      status: 'available',
      expiresAt: null,
      subscriptionId: null,
      position,
    };
  }
  if (cell === null) return null;
  const at = (next: Partial<BoardCell>): BoardCell => ({ ...cell, ...next, position });
  switch (event.type) {
    case 'UnitPriceChanged':
      return at({ listPriceFen: event.data.listPriceFen });
    case 'UnitHeldBack':
      return at({ status: 'held', expiresAt: null });
    case 'UnitReleased':
      return at({ status: 'available', expiresAt: null });
    case 'UnitReserved':
      return at({ status: 'reserved', expiresAt: event.data.expiresAt });
    case 'UnitReservationCancelled':
      return at({ status: 'available', expiresAt: null });
    case 'UnitSubscribed':
      return at({ status: 'subscribed', expiresAt: null, subscriptionId: event.data.subscriptionId });
    case 'SubscriptionCancelled':
      // As the aggregate: only the live subscription's cancellation frees the unit.
      return cell.subscriptionId === event.data.subscriptionId ? at({ status: 'available', subscriptionId: null }) : cell;
    case 'UnitContracted':
      return cell.subscriptionId === event.data.subscriptionId ? at({ status: 'contracted' }) : cell;
    default:
      // Price sheets, subscription steps, follow-up, signing: not on the board.
      return cell;
  }
}

/** Folds one recorded event into a board. */
export function evolveBoard(doc: BoardDoc | null, recorded: RecordedEvent): BoardDoc | null {
  const boardId = boardIdOfEvent(recorded);
  if (boardId === null) return doc;
  const position = recorded.metadata.position;
  if (projectStreams.owns(recorded.metadata.streamId)) {
    const d = (recorded as unknown as Extract<ProjectEvent, { type: 'BuildingAdded' }>).data;
    const base = doc ?? emptyBoard(boardId, d.projectId, d.buildingId);
    return { ...base, name: d.name, floors: d.floors, position };
  }
  const event = recorded as unknown as UnitEvent;
  const unitId = unitStreams.idOf(recorded.metadata.streamId)!;
  const parts = unitIdParts(unitId)!;
  const base = doc ?? emptyBoard(boardId, parts.projectId, parts.buildingId);
  const index = base.units.findIndex((c) => c.unitId === unitId);
  const before = index < 0 ? null : base.units[index];
  const after = evolveCell(before, event, position);
  if (after === before) return doc === null ? null : { ...base, position };
  if (after === null) return doc;
  const units = index < 0 ? [...base.units, after].sort(compareCells) : base.units.map((c, i) => (i === index ? after : c));
  return { ...base, units, position };
}

/**
 * PS-1: the live sales-control board, one document per project and building: floors × units with
 * number, type, area, list price, state and a reservation's expiry (shown as of now by the query).
 */
export const salesBoardProjection: Projection<BoardDoc> = {
  name: 'property-sales-boards',
  collection: BOARDS_COLLECTION,
  indexes: ['projectId', 'buildingId'],
  documentId: boardIdOfEvent,
  evolve: evolveBoard,
};
