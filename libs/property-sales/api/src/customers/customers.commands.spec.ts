import { loadState } from '@ebp/shared-eventsourcing';
import { customerDecider, customerIdOf, customerStream, type Customer } from '@ebp/property-sales-domain';
import { as, directoryFixture, SUPERVISOR, WANG, ZHAO } from '../directory/directory.fixture';
import { CustomersCommands } from './customers.commands';

const visitor = { name: 'Zhang Wei', phone: '138-1234-1234', idNumber: '110101199001011234', projectId: 'lakeside' };

async function setUp() {
  const fixture = await directoryFixture('2026-03-02T10:00:00+08:00');
  return { ...fixture, customers: new CustomersCommands(fixture.store, fixture.clock, fixture.staff) };
}

describe('PS-2 customer register commands', () => {
  it('PS-2 the first registration owns the customer (201, Location); a later one is a duplicate (200), owner unchanged', async () => {
    const { store, customers } = await setUp();
    const id = customerIdOf('+8613812341234');
    const first = await customers.register({ ...visitor, agencyId: 'sunrise' }, as(WANG));
    expect(first).toMatchObject({ id, owner: true, events: ['CustomerRegistered'], location: `/property-sales/customers/${id}` });
    const second = await customers.register({ ...visitor, phone: '+86 13812341234', agencyId: 'moonlight' }, as(ZHAO));
    expect(second).toMatchObject({ id, owner: false, events: ['DuplicateRegistrationRecorded'] });
    const { state } = await loadState(store, customerDecider, customerStream(id));
    expect(state).toMatchObject({ agencyId: 'sunrise', salespersonId: 'sp-wang', duplicates: [{ agencyId: 'moonlight', salespersonId: 'sp-zhao' }] });
  });

  it('PS-2 two concurrent first registrations of one number give exactly one owner', async () => {
    const { store, customers } = await setUp();
    const replies = await Promise.all([customers.register({ ...visitor, agencyId: 'sunrise' }, as(WANG)), customers.register({ ...visitor, phone: '0086 138 1234 1234', agencyId: 'moonlight' }, as(ZHAO))]);
    expect(replies.filter((r) => r.owner)).toHaveLength(1);
    const events = await store.readStream(customerStream(customerIdOf('13812341234')));
    expect(events.map((e) => e.type).sort()).toEqual(['CustomerRegistered', 'DuplicateRegistrationRecorded']);
    const { state } = await loadState(store, customerDecider, customerStream(customerIdOf('13812341234')));
    expect((state as Customer).duplicates).toHaveLength(1);
  });

  it("PS-2 a salesperson registers for their own agency only (403); a bad phone is 400 naming phone; an unknown project 404", async () => {
    const { customers } = await setUp();
    await expect(customers.register({ ...visitor, agencyId: 'moonlight' }, as(WANG))).rejects.toMatchObject({ rule: 'PS-2', kind: 'forbidden', field: 'agencyId' });
    await expect(customers.register({ ...visitor, agencyId: 'sunrise' }, as(SUPERVISOR))).rejects.toMatchObject({ rule: 'PS-2', kind: 'forbidden' });
    await expect(customers.register({ ...visitor, phone: '555-0100', agencyId: 'sunrise' }, as(WANG))).rejects.toMatchObject({ rule: 'PS-2', kind: 'invalid', field: 'phone' });
    await expect(customers.register({ ...visitor, projectId: 'nowhere', agencyId: 'sunrise' }, as(WANG))).rejects.toMatchObject({ rule: 'PS-2', kind: 'not-found' });
  });
});
