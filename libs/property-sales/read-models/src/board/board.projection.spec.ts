import { ProjectionRunner, type DomainEvent } from '@ebp/shared-eventsourcing';
import { InMemoryReadModelStore, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { projectStream, unitStream, type UnitListed } from '@ebp/property-sales-domain';
import { BOARDS_COLLECTION, evolveBoard, salesBoardProjection, type BoardDoc } from './board.projection';
import { SalesBoardQueries } from './board.queries';
import { boardAt, cellStateAt } from './board.view';

const listed = (number: string, floor: number, listPriceFen = 300_000_000, building = 'b1'): UnitListed => ({
  type: 'UnitListed',
  data: {
    unitId: `lakeside.${building}.${number}`,
    projectId: 'lakeside',
    buildingId: building,
    number,
    floor,
    type: 'apartment',
    areaCentiSqm: 12_345,
    listPriceFen,
    priceApprovedBy: 'sm-zhao',
    listedBy: 'sm-zhao',
    listedAt: '2026-03-01T09:00:00+08:00',
  },
});

const subscribed = (unitId: string, subscriptionId: string): DomainEvent => ({
  type: 'UnitSubscribed',
  data: {
    unitId,
    subscriptionId,
    customerId: 'c-1',
    salespersonId: 'sp-wang',
    agencyId: 'sunrise',
    priceSheetId: 'ps-1',
    paymentMethod: 'lump-sum',
    totalFen: 290_000_000,
    subscribedAt: '2026-03-02T10:00:00+08:00',
  },
});

/** Folds events of streams into boards, as the runner does. */
async function project(events: { streamId: string; event: DomainEvent }[]) {
  resetRecorded();
  const store = new InMemoryReadModelStore();
  await new ProjectionRunner(store, [salesBoardProjection]).handle(events.map(({ streamId, event }) => recorded(event, { streamId })));
  return { store, doc: async (id = 'lakeside.b1') => (await store.get<BoardDoc>(BOARDS_COLLECTION, id))?.doc ?? null };
}

const U1 = 'lakeside.b1.101';
const U2 = 'lakeside.b1.102';
const U3 = 'lakeside.b1.201';

describe('sales-control board projection (PS-1)', () => {
  it('PS-1 one document per project and building: floors × units with number, floor, type, area, list price and state', async () => {
    const { doc, store } = await project([
      { streamId: projectStream('lakeside'), event: { type: 'ProjectRegistered', data: { projectId: 'lakeside', name: 'Lakeside', siteManagerId: 'sm-zhao', siteSupervisorId: 'ss-qian', registeredBy: 'sm-zhao', registeredAt: '2026-03-01T08:00:00+08:00' } } },
      { streamId: projectStream('lakeside'), event: { type: 'BuildingAdded', data: { projectId: 'lakeside', buildingId: 'b1', name: 'Building 1', floors: 3, addedBy: 'sm-zhao', addedAt: '2026-03-01T08:10:00+08:00' } } },
      { streamId: unitStream(U3), event: listed('201', 2) },
      { streamId: unitStream(U2), event: listed('102', 1) },
      { streamId: unitStream(U1), event: listed('101', 1) },
      { streamId: unitStream('lakeside.b2.101'), event: listed('101', 1, 500_000_000, 'b2') },
      { streamId: unitStream(U1), event: { type: 'UnitPriceChanged', data: { unitId: U1, listPriceFen: 310_000_000, previousPriceFen: 300_000_000, approvedBy: 'sm-zhao', reason: 'market', changedAt: '2026-03-02T09:00:00+08:00' } } },
      { streamId: unitStream(U2), event: { type: 'UnitHeldBack', data: { unitId: U2, by: 'sm-zhao', reason: 'show flat', at: '2026-03-02T09:00:00+08:00' } } },
      { streamId: unitStream(U1), event: subscribed(U1, 'sub-1') },
    ]);
    const board = (await doc())!;
    expect(board).toMatchObject({ boardId: 'lakeside.b1', projectId: 'lakeside', buildingId: 'b1', name: 'Building 1', floors: 3 });
    expect(board.units.map((u) => [u.number, u.floor, u.status, u.listPriceFen])).toEqual([
      ['101', 1, 'subscribed', 310_000_000],
      ['102', 1, 'held', 300_000_000],
      ['201', 2, 'available', 300_000_000],
    ]);
    expect(board.units[0]).toMatchObject({ unitId: U1, type: 'apartment', areaCentiSqm: 12_345, subscriptionId: 'sub-1', expiresAt: null });
    expect((await doc('lakeside.b2'))!.units.map((u) => u.unitId)).toEqual(['lakeside.b2.101']);

    const view = await new SalesBoardQueries(store).board('lakeside', 'b1', '2026-03-02T12:00:00+08:00');
    // Every floor of the building, the top one first, the empty third floor too.
    expect(view.floors.map((f) => [f.floor, f.units.map((u) => `${u.number}:${u.state}`)])).toEqual([
      [3, []],
      [2, ['201:available']],
      [1, ['101:subscribed', '102:held']],
    ]);
    expect(view.counts).toEqual({ available: 1, reserved: 0, held: 1, subscribed: 1, contracted: 0 });
    expect(view.position).toBe(board.position);
  });

  it('PS-1 reserved with its expiry, released, cancelled, subscribed and contracted; only the live subscription moves the unit', async () => {
    const { doc } = await project([
      { streamId: unitStream(U1), event: listed('101', 1) },
      { streamId: unitStream(U2), event: listed('102', 1) },
      { streamId: unitStream(U1), event: { type: 'UnitReserved', data: { unitId: U1, customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', reservedAt: '2026-03-02T09:00:00+08:00', expiresAt: '2026-03-03T09:00:00+08:00' } } },
      { streamId: unitStream(U2), event: { type: 'UnitReserved', data: { unitId: U2, customerId: 'c-2', salespersonId: 'sp-wang', agencyId: 'sunrise', reservedAt: '2026-03-02T09:00:00+08:00', expiresAt: '2026-03-03T09:00:00+08:00' } } },
      { streamId: unitStream(U2), event: { type: 'UnitReservationCancelled', data: { unitId: U2, customerId: 'c-2', by: 'sp-wang', at: '2026-03-02T10:00:00+08:00' } } },
    ]);
    const reserved = (await doc())!;
    expect(reserved.units.map((u) => [u.number, u.status, u.expiresAt])).toEqual([
      ['101', 'reserved', '2026-03-03T09:00:00+08:00'],
      ['102', 'available', null],
    ]);

    let board: BoardDoc | null = reserved;
    const fold = (event: DomainEvent, streamId = unitStream(U1)) => (board = evolveBoard(board, recorded(event, { streamId })));
    fold(subscribed(U1, 'sub-1'));
    expect(board!.units[0]).toMatchObject({ status: 'subscribed', expiresAt: null, subscriptionId: 'sub-1' });
    // A cancellation of another (older) subscription changes nothing.
    fold({ type: 'SubscriptionCancelled', data: { unitId: U1, subscriptionId: 'sub-0', reason: 'x', by: 'sm-zhao', at: '2026-03-02T11:00:00+08:00' } });
    expect(board!.units[0].status).toBe('subscribed');
    fold({ type: 'SubscriptionCancelled', data: { unitId: U1, subscriptionId: 'sub-1', reason: 'customer withdrew', by: 'sm-zhao', at: '2026-03-02T11:00:00+08:00' } });
    expect(board!.units[0]).toMatchObject({ status: 'available', subscriptionId: null });
    fold(subscribed(U1, 'sub-2'));
    fold({ type: 'SubscriptionDepositRecorded', data: { unitId: U1, subscriptionId: 'sub-2', depositFen: 5_000_000, receiptNo: 'R1', by: 'fin-qian', at: '2026-03-02T12:00:00+08:00' } });
    expect(board!.units[0].status).toBe('subscribed');
    fold({ type: 'UnitContracted', data: { unitId: U1, subscriptionId: 'sub-2', contractId: 'k-1', customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', paymentMethod: 'lump-sum', totalFen: 290_000_000, contractedAt: '2026-03-03T15:00:00+08:00' } });
    expect(board!.units[0].status).toBe('contracted');
    fold({ type: 'UnitHeldBack', data: { unitId: U2, by: 'sm-zhao', reason: 'x', at: '2026-03-03T15:00:00+08:00' } }, unitStream(U2));
    fold({ type: 'UnitReleased', data: { unitId: U2, by: 'sm-zhao', at: '2026-03-03T16:00:00+08:00' } }, unitStream(U2));
    expect(board!.units[1].status).toBe('available');
    expect(board!.units[1].position).toBe(board!.position);
  });

  it('PS-1 events of a unit that was never listed make no board; other streams are ignored', async () => {
    const { doc } = await project([
      { streamId: unitStream(U1), event: { type: 'UnitHeldBack', data: { unitId: U1, by: 'sm-zhao', reason: 'x', at: '2026-03-02T09:00:00+08:00' } } },
      { streamId: 'property-sales.customer.c-1', event: { type: 'CustomerRegistered', data: { unitId: U1 } } },
    ]);
    expect(await doc()).toBeNull();
    expect(salesBoardProjection.documentId(recorded({ type: 'ProjectRegistered', data: {} }, { streamId: projectStream('lakeside') }))).toBeNull();
  });

  it('PS-1 a reservation whose expiresAt has passed is shown available as of now; before it, reserved with its expiry', async () => {
    const cell = { status: 'reserved' as const, expiresAt: '2026-03-03T09:00:00+08:00' };
    expect(cellStateAt(cell, '2026-03-03T08:59:59.999+08:00')).toEqual({ state: 'reserved', expiresAt: '2026-03-03T09:00:00+08:00' });
    // The expiry instant itself: available again (as the unit decider's unitStatusAt).
    expect(cellStateAt(cell, '2026-03-03T01:00:00Z')).toEqual({ state: 'available', expiresAt: null });
    expect(cellStateAt(cell, '2026-03-04T00:00:00+08:00')).toEqual({ state: 'available', expiresAt: null });
    expect(cellStateAt({ status: 'held', expiresAt: null }, '2026-03-04T00:00:00+08:00')).toEqual({ state: 'held', expiresAt: null });

    const { store } = await project([
      { streamId: unitStream(U1), event: listed('101', 1) },
      { streamId: unitStream(U1), event: { type: 'UnitReserved', data: { unitId: U1, customerId: 'c-1', salespersonId: 'sp-wang', agencyId: 'sunrise', reservedAt: '2026-03-02T09:00:00+08:00', expiresAt: '2026-03-03T09:00:00+08:00' } } },
    ]);
    const queries = new SalesBoardQueries(store);
    const before = await queries.board('lakeside', 'b1', '2026-03-03T08:00:00+08:00');
    expect(before.floors[0].units[0]).toMatchObject({ state: 'reserved', expiresAt: '2026-03-03T09:00:00+08:00' });
    expect(before.counts.reserved).toBe(1);
    const after = await queries.board('lakeside', 'b1', '2026-03-03T09:00:01+08:00');
    expect(after.floors[0].units[0]).toMatchObject({ state: 'available', expiresAt: null });
    expect(after.counts).toMatchObject({ reserved: 0, available: 1 });
    // The document keeps the reservation as recorded: the rule is the query's.
    expect((await store.get<BoardDoc>(BOARDS_COLLECTION, 'lakeside.b1'))!.doc.units[0].status).toBe('reserved');
    expect(boardAt((await store.get<BoardDoc>(BOARDS_COLLECTION, 'lakeside.b1'))!.doc, '2026-03-03T09:00:00+08:00').floors[0].units[0].state).toBe('available');
  });

  it('PS-1 an unknown building is 404 naming PS-1; a malformed id 400', async () => {
    const { store } = await project([{ streamId: unitStream(U1), event: listed('101', 1) }]);
    const queries = new SalesBoardQueries(store);
    await expect(queries.board('lakeside', 'b9', '2026-03-03T08:00:00+08:00')).rejects.toMatchObject({ rule: 'PS-1', kind: 'not-found' });
    await expect(queries.board('lake.side', 'b1', '2026-03-03T08:00:00+08:00')).rejects.toMatchObject({ rule: 'PS-1', kind: 'invalid', field: 'projectId' });
  });
});
