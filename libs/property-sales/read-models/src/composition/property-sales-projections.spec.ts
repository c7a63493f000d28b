import { ProjectionRunner } from '@ebp/shared-eventsourcing';
import { InMemoryReadModelStore, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import type { Customer, OfficeDayState, SigningList, Unit } from '@ebp/property-sales-domain';
import { CUSTOMERS_COLLECTION } from '../customers/customers.projection';
import { OFFICE_DAYS_COLLECTION } from '../office-days/office-days.projection';
import { AGENCIES_COLLECTION, AGENCY_MEMBERS_COLLECTION, PROJECTS_COLLECTION, type AgencyMemberView, type AgencyView, type ProjectView } from '../registry/registry.projection';
import { SIGNING_LISTS_COLLECTION } from '../signing-lists/signing-lists.projection';
import type { SubscriptionView } from '../subscriptions/subscription.view';
import { SUBSCRIPTIONS_COLLECTION } from '../subscriptions/subscriptions.projection';
import { UNITS_COLLECTION } from '../units/units.projection';
import { propertySalesProjections } from './property-sales.projections';
import { scenario } from './ps-scenario.fixture';

async function project() {
  resetRecorded();
  const store = new InMemoryReadModelStore();
  const runner = new ProjectionRunner(store, propertySalesProjections);
  await runner.init();
  await runner.handle(scenario.map(({ streamId, event }) => recorded(event, { streamId })));
  const doc = async <T>(collection: string, id: string) => (await store.get<T>(collection, id))?.doc ?? null;
  return { store, doc };
}

describe('property-sales projections', () => {
  it('PS-1 projects, the agency registry and each member of staff by id', async () => {
    const { doc } = await project();
    expect(await doc<ProjectView>(PROJECTS_COLLECTION, 'lakeside')).toMatchObject({ siteManagerId: 'sm-zhao', buildings: [{ buildingId: 'b1' }, { buildingId: 'b2' }] });
    expect((await doc<AgencyView>(AGENCIES_COLLECTION, 'sunrise'))?.members.map((m) => m.staffId)).toEqual(['sup-li', 'sp-wang', 'sp-chen']);
    expect(await doc<AgencyMemberView>(AGENCY_MEMBERS_COLLECTION, 'sup-li')).toEqual({ staffId: 'sup-li', agencyId: 'sunrise', name: '李主管', role: 'agency-supervisor' });
    expect(await doc<AgencyMemberView>(AGENCY_MEMBERS_COLLECTION, 'sup-he')).toMatchObject({ agencyId: 'harbour', name: 'sup-he', role: 'agency-supervisor' });
    expect(await doc<AgencyMemberView>(AGENCY_MEMBERS_COLLECTION, 'sp-liu')).toMatchObject({ agencyId: 'harbour', role: 'salesperson' });
  });

  it('PS-1 the unit document is the aggregate state: price history with approvers, hold, reservation, PS-3 price sheets with the decision', async () => {
    const { doc } = await project();
    const u1 = await doc<Unit>(UNITS_COLLECTION, 'lakeside.b1.1201');
    expect(u1).toMatchObject({ status: 'subscribed', listPriceFen: 310_000_000, projectId: 'lakeside', buildingId: 'b1' });
    expect(u1!.prices.map((p) => [p.listPriceFen, p.approvedBy])).toEqual([
      [300_000_000, 'sm-zhao'],
      [310_000_000, 'sm-zhao'],
    ]);
    expect(u1!.priceSheets[0]).toMatchObject({ priceSheetId: 'ps-1', needsApproval: true, decision: { approved: true, by: 'sup-li' } });
    expect(await doc<Unit>(UNITS_COLLECTION, 'lakeside.b2.0101')).toMatchObject({ status: 'held', hold: { reason: 'show villa' } });
    expect(await doc<Unit>(UNITS_COLLECTION, 'lakeside.b1.1203')).toMatchObject({ status: 'reserved', reservation: { expiresAt: '2026-03-02T09:00:00+08:00' } });
    expect(await doc<Unit>(UNITS_COLLECTION, 'lakeside.b1.1202')).toMatchObject({ status: 'contracted', subscription: { contractId: 'ct-2', signingErrors: [{ errorId: 'err-1', fineFen: 20_000 }] } });
  });

  it('PS-4 one subscription document per subscription with its scalar dates and every step with its event', async () => {
    const { doc } = await project();
    const s1 = await doc<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, 's-1');
    expect(s1).toMatchObject({ unitId: 'lakeside.b1.1201', projectId: 'lakeside', buildingId: 'b1', agencyId: 'sunrise', status: 'signed', subscribedDate: '2026-03-02', signedDate: '2026-03-02', exportedAt: '2026-03-02T15:00:00+08:00', handedOverAt: null, erpReference: 'MY-1' });
    expect(s1!.steps.map((s) => s.step)).toEqual(['subscribed', 'deposit', 'form-issued', 'reviewed', 'signed', 'erp-export']);
    expect(s1!.steps.every((s) => s.eventId.startsWith('event-'))).toBe(true);
  });

  it('PS-5 the follow-up: target signing date and the mortgage documents, received ones ticked', async () => {
    const { doc } = await project();
    const s1 = await doc<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, 's-1');
    expect(s1).toMatchObject({ targetSigningDate: '2026-03-05', missingDocuments: 1 });
    expect(s1!.followUp!.mortgageDocuments).toEqual([
      { document: 'id-card', received: true, receivedAt: '2026-03-02T12:00:00+08:00', receivedBy: 'sp-wang' },
      { document: 'bank-statement', received: false, receivedAt: null, receivedBy: null },
    ]);
  });

  it('PS-7 the signing steps in order with who and when; the contract concluded at the seal (PS-8 error kept)', async () => {
    const { doc } = await project();
    const s2 = await doc<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, 's-2');
    expect(s2).toMatchObject({ status: 'contracted', contractId: 'ct-2', contractedDate: '2026-03-02' });
    expect(s2!.signingSteps.map((s) => s.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s2!.signingSteps[2]).toMatchObject({ step: 'agency-supervisor-review', role: 'agency-supervisor', by: 'agency-supervisor-1' });
    expect(s2!.signingErrors).toEqual([expect.objectContaining({ errorId: 'err-1', responsibleSalespersonId: 'sp-liu', changeRequestAuthority: 'housing-authority' })]);
  });

  it('PS-2 the customer document keeps the first registration as owner and later ones as duplicates', async () => {
    const { doc } = await project();
    const c1 = await doc<Customer>(CUSTOMERS_COLLECTION, 'c-1');
    expect(c1).toMatchObject({ agencyId: 'sunrise', salespersonId: 'sp-wang', phone: '+8613812341234' });
    expect(c1!.duplicates).toEqual([expect.objectContaining({ agencyId: 'harbour', salespersonId: 'sp-liu', registeredAt: '2026-03-01T11:00:00+08:00' })]);
  });

  it('PS-6 the signing list per agency and day with its versions and late flag', async () => {
    const { doc } = await project();
    expect(await doc<SigningList>(SIGNING_LISTS_COLLECTION, 'lakeside.2026-03-03.harbour')).toMatchObject({ projectId: 'lakeside', date: '2026-03-03', current: { late: true, version: 1 } });
    expect(await doc<SigningList>(SIGNING_LISTS_COLLECTION, 'lakeside.2026-03-03.sunrise')).toMatchObject({ current: { late: false } });
  });

  it('PS-10 the office day document is the aggregate state, by project and date', async () => {
    const { store } = await project();
    const found = await store.find<OfficeDayState>(OFFICE_DAYS_COLLECTION, { where: { projectId: 'lakeside', date: '2026-03-02' } });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ dutyAgency: { agencyId: 'sunrise' }, dayRecords: { late: true }, reconciliation: null });
    expect(found.items[0].checkIns.map((c) => c.staffId)).toEqual(['sp-liu', 'sp-wang']);
  });

  it('PS-1 every projection has a distinct name and collection', () => {
    expect(new Set(propertySalesProjections.map((p) => p.name)).size).toBe(propertySalesProjections.length);
    expect(new Set(propertySalesProjections.map((p) => p.collection)).size).toBe(propertySalesProjections.length);
  });
});
