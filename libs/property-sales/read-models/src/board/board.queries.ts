import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { requireCode } from '../shared/params';
import { BOARDS_COLLECTION, boardIdOf, type BoardDoc } from './board.projection';
import { boardAt, type BoardView } from './board.view';

/** PS-1: the sales-control board of a building. */
export class SalesBoardQueries {
  constructor(private readonly store: ReadModelStore) {}

  async doc(projectId: string, buildingId: string): Promise<BoardDoc | null> {
    return (await this.store.get<BoardDoc>(BOARDS_COLLECTION, boardIdOf(projectId, buildingId)))?.doc ?? null;
  }

  /** Floors × units as of `asOf` (a reservation past its expiry shows available); 404 naming PS-1 for an unknown building. */
  async board(projectId: string, buildingId: string, asOf: string): Promise<BoardView> {
    requireCode(projectId, 'PS-1', 'projectId');
    requireCode(buildingId, 'PS-1', 'buildingId');
    const doc = await this.doc(projectId, buildingId);
    if (!doc) throw new DomainError('PS-1', `no building ${buildingId} with units in project ${projectId}`, 'not-found', 'buildingId');
    return boardAt(doc, asOf);
  }
}
