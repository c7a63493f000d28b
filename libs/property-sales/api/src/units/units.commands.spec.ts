import { randomUUID } from 'node:crypto';
import { DomainError, NO_STREAM, type Actor, type EventStore } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore } from '@ebp/shared-eventsourcing/testing';
import type { CommandContext } from '@ebp/shared-nest';
import { agencyStream, customerStream, projectStream, unitStream, type SigningStep } from '@ebp/property-sales-domain';
import { SalesParties } from './sales-parties';
import { signingStepOf, UnitsCommands } from './units.commands';

const NOW = '2026-03-02T10:00:00+08:00';
const ctx = (userId: string, ...roles: string[]): CommandContext => ({ actor: { userId, roles } as Actor });
const SITE_MANAGER = ctx('sm-wu', 'site-manager');
const SUPERVISOR = ctx('sup-zhou', 'agency-supervisor');
const OTHER_SUPERVISOR = ctx('sup-qian', 'agency-supervisor');
const FINANCE = ctx('fin-1', 'finance');
const salesperson = (i: number) => ctx(`sp-${i}`, 'salesperson');

async function seed(store: EventStore, streamId: string, type: string, data: unknown) {
  const history = await store.readStream(streamId);
  const revision = history.length === 0 ? NO_STREAM : history[history.length - 1].metadata.revision;
  await store.append(streamId, [{ type, data, metadata: { eventId: randomUUID(), occurredAt: NOW, actor: { userId: 'seed', roles: [] }, correlationId: randomUUID(), causationId: null, schemaVersion: 1 } }], revision);
}

async function setUp(salespeople = 2) {
  const store = new InMemoryEventStore();
  const clock = { now: () => NOW };
  const units = new UnitsCommands(store, clock, new SalesParties(store));
  await seed(store, projectStream('lakeside'), 'ProjectRegistered', { projectId: 'lakeside', name: 'Lakeside', siteManagerId: 'sm-wu', siteSupervisorId: 'ss-1', registeredBy: 'sm-wu', registeredAt: NOW });
  await seed(store, projectStream('lakeside'), 'BuildingAdded', { projectId: 'lakeside', buildingId: 'b1', name: 'Building 1', floors: 30, addedBy: 'sm-wu', addedAt: NOW });
  for (const [agencyId, supervisorId] of [
    ['sunrise', 'sup-zhou'],
    ['moonlight', 'sup-qian'],
  ]) {
    await seed(store, agencyStream(agencyId), 'AgencyRegistered', { agencyId, name: agencyId, supervisorId, registeredBy: 'sm-wu', registeredAt: NOW });
  }
  for (let i = 0; i < salespeople; i++) {
    await seed(store, agencyStream('sunrise'), 'AgencyMemberAdded', { agencyId: 'sunrise', staffId: `sp-${i}`, name: `sp ${i}`, role: 'salesperson', addedBy: 'sup-zhou', addedAt: NOW });
    const customerId = `c-${i}`;
    await seed(store, customerStream(customerId), 'CustomerRegistered', {
      customerId,
      name: `customer ${i}`,
      phone: `+8613800000${String(i).padStart(3, '0')}`,
      idNumber: null,
      agencyId: 'sunrise',
      salespersonId: `sp-${i}`,
      projectId: 'lakeside',
      registeredAt: NOW,
    });
  }
  await seed(store, agencyStream('moonlight'), 'AgencyMemberAdded', { agencyId: 'moonlight', staffId: 'sp-m', name: 'sp m', role: 'salesperson', addedBy: 'sup-qian', addedAt: NOW });
  await seed(store, customerStream('c-m'), 'CustomerRegistered', { customerId: 'c-m', name: 'm', phone: '+8613900000000', idNumber: null, agencyId: 'moonlight', salespersonId: 'sp-m', projectId: 'lakeside', registeredAt: NOW });
  return { store, units };
}

const UNIT = 'lakeside.b1.1203';
const listUnit = (units: UnitsCommands, number = '1203') =>
  units.listUnit('lakeside', 'b1', { number, floor: 12, type: 'apartment', areaCentiSqm: 12_345, listPriceFen: 300_000_000 }, SITE_MANAGER);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const types = async (store: EventStore, unitId = UNIT) => (await store.readStream(unitStream(unitId))).map((e) => e.type);

describe('units commands', () => {
  it('PS-1 lists a unit of a registered building; an unknown building is 404', async () => {
    const { store, units } = await setUp();
    expect(await listUnit(units)).toMatchObject({ id: UNIT, events: ['UnitListed'], location: `/property-sales/units/${UNIT}` });
    expect(await refusal(units.listUnit('lakeside', 'b9', { number: '1', floor: 1, type: 'apartment', areaCentiSqm: 1, listPriceFen: 1 }, SITE_MANAGER))).toMatchObject({ rule: 'PS-1', kind: 'not-found' });
    expect(await refusal(units.listUnit('nowhere', 'b1', { number: '1', floor: 1, type: 'apartment', areaCentiSqm: 1, listPriceFen: 1 }, SITE_MANAGER))).toMatchObject({ kind: 'not-found' });
    expect(await types(store)).toEqual(['UnitListed']);
  });

  it('PS-1 the CSV import lists good rows, reports bad ones by row number, and a re-import is unchanged', async () => {
    const { store, units } = await setUp();
    await listUnit(units, '1201');
    const csv = [
      'number,floor,type,areaCentiSqm,listPriceFen',
      '1201,12,apartment,12345,300000000', // 2 already listed identically: unchanged
      '1202,12,apartment,9876,240000000', // 3 good
      '1203,31,apartment,9876,240000000', // 4 above the building's 30 floors: the decider refuses it
      'V1,1,villa,30000,abc', // 5 bad price
    ].join('\n');
    const result = await units.importUnits('lakeside', 'b1', csv, SITE_MANAGER);
    expect(result).toMatchObject({ rows: 4, applied: 1, unchanged: 1, failed: 2 });
    expect(result.errors.map((e) => [e.row, e.field, e.rule])).toEqual([
      [4, 'floor', 'PS-1'],
      [5, 'listPriceFen', 'PS-1'],
    ]);
    expect(await types(store, 'lakeside.b1.1202')).toEqual(['UnitListed']);
    expect(await types(store, 'lakeside.b1.1203')).toEqual([]);
    const head = await store.headPosition();
    expect(await units.importUnits('lakeside', 'b1', csv, SITE_MANAGER)).toMatchObject({ applied: 0, unchanged: 2, failed: 2, position: 0 });
    expect(await store.headPosition()).toBe(head);
    const changed = await units.importUnits('lakeside', 'b1', 'number,floor,type,areaCentiSqm,listPriceFen\n1202,12,apartment,9876,1\n', SITE_MANAGER);
    expect(changed.errors).toMatchObject([{ row: 2, field: 'number', rule: 'PS-1' }]);
    expect(await refusal(units.importUnits('lakeside', 'b9', csv, SITE_MANAGER))).toMatchObject({ kind: 'not-found' });
  });

  it('PS-2 a reservation needs a customer of the caller’s agency: another agency’s customer is 403, an unknown one 404', async () => {
    const { units } = await setUp();
    await listUnit(units);
    expect(await refusal(units.reserve(UNIT, { customerId: 'c-m' }, salesperson(0)))).toMatchObject({ rule: 'PS-2', kind: 'forbidden' });
    expect(await refusal(units.reserve(UNIT, { customerId: 'c-nobody' }, salesperson(0)))).toMatchObject({ rule: 'PS-2', kind: 'not-found' });
    expect(await units.reserve(UNIT, { customerId: 'c-0' }, salesperson(0))).toMatchObject({ events: ['UnitReserved'] });
    expect(await refusal(units.cancelReservation(UNIT, OTHER_SUPERVISOR))).toMatchObject({ rule: 'PS-1', kind: 'forbidden' });
    expect(await units.cancelReservation(UNIT, SUPERVISOR)).toMatchObject({ events: ['UnitReservationCancelled'] });
  });

  it('PS-1 20 concurrent subscriptions of one available unit: exactly one succeeds, 19 are refused naming PS-1', async () => {
    const { store, units } = await setUp(20);
    await listUnit(units);
    const sheets: string[] = [];
    for (let i = 0; i < 20; i++) {
      const reply = await units.recordPriceSheet(UNIT, { customerId: `c-${i}`, discounts: [], paymentMethod: 'lump-sum' }, salesperson(i));
      sheets.push(reply.id);
    }
    const results = await Promise.allSettled(sheets.map((priceSheetId, i) => units.subscribe(UNIT, { priceSheetId }, salesperson(i))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.reason).toMatchObject({ rule: 'PS-1', kind: 'conflict' });
    expect((await types(store)).filter((t) => t === 'UnitSubscribed')).toHaveLength(1);
  });

  it('PS-4 / PS-7 the whole way: subscription steps, then the eleven signing steps by their roles; step 9 contracts the unit', async () => {
    const { store, units } = await setUp();
    await listUnit(units);
    const sheet = await units.recordPriceSheet(UNIT, { customerId: 'c-0', discounts: [{ reason: 'vip', amountFen: 30_000_000 }], paymentMethod: 'commercial-mortgage' }, salesperson(0));
    expect(sheet.location).toBe(`/property-sales/units/${UNIT}/price-sheets/${sheet.id}`);
    expect(await refusal(units.subscribe(UNIT, { priceSheetId: sheet.id }, salesperson(0)))).toMatchObject({ rule: 'PS-3' });
    expect(await refusal(units.decidePriceSheet(UNIT, sheet.id, true, {}, OTHER_SUPERVISOR))).toMatchObject({ rule: 'PS-3', kind: 'forbidden' });
    await units.decidePriceSheet(UNIT, sheet.id, true, {}, SUPERVISOR);
    const sub = await units.subscribe(UNIT, { priceSheetId: sheet.id }, salesperson(0));
    expect(sub).toMatchObject({ events: ['UnitSubscribed'], location: `/property-sales/units/${UNIT}/subscription` });
    await units.recordDeposit(UNIT, { depositFen: 5_000_000, receiptNo: 'R-1' }, FINANCE);
    await units.issueForm(UNIT, salesperson(0));
    expect(await refusal(units.review(UNIT, OTHER_SUPERVISOR))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
    await units.review(UNIT, SUPERVISOR);
    await units.sign(UNIT, { agreements: ['parking'] }, salesperson(1));
    await units.handOverCustomerCopy(UNIT, SUPERVISOR);
    await units.exportToErp(UNIT, { erpReference: 'MY-1' }, SITE_MANAGER);
    await units.handToSiteManager(UNIT, SITE_MANAGER);
    await units.scheduleFollowUp(UNIT, { targetSigningDate: '2026-03-09', mortgageDocuments: ['income proof'] }, salesperson(0));
    expect(await refusal(units.completeSigningStep(UNIT, '1', {}, salesperson(0)))).toMatchObject({ rule: 'PS-7' });
    await units.receiveMortgageDocument(UNIT, { document: 'income proof' }, salesperson(0));

    const by: Record<string, CommandContext> = {
      salesperson: salesperson(0),
      'agency-supervisor': SUPERVISOR,
      finance: FINANCE,
      'contract-administrator': ctx('ca-1', 'contract-administrator'),
      'site-supervisor': ctx('ss-1', 'site-supervisor'),
    };
    expect(await refusal(units.completeSigningStep(UNIT, '2', {}, salesperson(0)))).toMatchObject({ rule: 'PS-7', kind: 'rule' });
    expect(await refusal(units.completeSigningStep(UNIT, '1', {}, ctx('sp-m', 'salesperson')))).toMatchObject({ rule: 'PS-7', kind: 'forbidden' });
    const steps: SigningStep[] = ['mortgage-documents-checked', 'payment-and-signing-form', 'agency-supervisor-review', 'customer-signature', 'developer-finance-review', 'online-filing', 'salesperson-verification', 'printing-and-binding', 'site-supervisor-seal', 'customer-copy-and-receipt', 'archived-with-developer'];
    for (const [i, step] of steps.entries()) {
      const role = ['salesperson', 'salesperson', 'agency-supervisor', 'salesperson', 'finance', 'contract-administrator', 'salesperson', 'contract-administrator', 'site-supervisor', 'salesperson', 'contract-administrator'][i];
      const reply = await units.completeSigningStep(UNIT, i % 2 === 0 ? String(i + 1) : step, {}, by[role]);
      expect(reply.events).toEqual(i === 8 ? ['SigningStepCompleted', 'UnitContracted'] : ['SigningStepCompleted']);
    }
    const contracted = (await store.readStream(unitStream(UNIT))).find((e) => e.type === 'UnitContracted');
    expect(contracted?.data).toMatchObject({ customerId: 'c-0', agencyId: 'sunrise', totalFen: 270_000_000 });
    expect(await refusal(units.cancelSubscription(UNIT, { reason: 'x' }, SITE_MANAGER))).toMatchObject({ rule: 'PS-4' });
    expect(await units.recordSigningError(UNIT, { description: 'wrong area', responsibleSalespersonId: 'sp-0' }, ctx('ca-1', 'contract-administrator'))).toMatchObject({
      events: ['SigningErrorRecorded'],
    });
    const error = (await store.readStream(unitStream(UNIT))).find((e) => e.type === 'SigningErrorRecorded');
    expect(error?.data).toMatchObject({ fineFen: 20_000, responsibleSalespersonId: 'sp-0', changeRequest: { authority: 'housing-authority' } });
  });

  it('PS-7 a step is named by its number 1-11 or its name; anything else is 400', () => {
    expect(signingStepOf('1')).toBe('mortgage-documents-checked');
    expect(signingStepOf('11')).toBe('archived-with-developer');
    expect(signingStepOf('online-filing')).toBe('online-filing');
    for (const bad of ['0', '12', 'sealing']) expect(() => signingStepOf(bad)).toThrow(expect.objectContaining({ rule: 'PS-7', kind: 'invalid' }));
  });
});
