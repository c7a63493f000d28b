import { as, directoryFixture, OTHER_SUPERVISOR, SUPERVISOR, WANG } from '../directory/directory.fixture';
import { SigningListsCommands } from './signing-lists.commands';

const appointments = [{ unitId: 'lakeside.b1.1203', customerId: 'c-0123456789abcdef', time: '10:00' }];

async function setUp(now: string) {
  const fixture = await directoryFixture(now);
  return { ...fixture, lists: new SigningListsCommands(fixture.store, fixture.clock, fixture.staff) };
}

describe('PS-6 signing list commands', () => {
  it("PS-6 the agency's supervisor submits; late after 17:00 the day before; a resubmission is version 2", async () => {
    const { store, lists } = await setUp('2026-03-02T17:00:01+08:00');
    const reply = await lists.submit('lakeside', '2026-03-03', { agencyId: 'sunrise', appointments }, as(SUPERVISOR));
    expect(reply).toMatchObject({ id: 'lakeside.2026-03-03.sunrise', events: ['SigningListSubmitted'], location: '/property-sales/signing-lists?projectId=lakeside&date=2026-03-03' });
    await lists.submit('lakeside', '2026-03-03', { agencyId: 'sunrise', appointments: [] }, as(SUPERVISOR));
    const events = await store.readStream('property-sales.signing-list.lakeside.2026-03-03.sunrise');
    expect(events.map((e) => [(e.data as { version: number }).version, (e.data as { late: boolean }).late])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it("PS-6 another agency's supervisor or a salesperson is refused (403); a bad date 400", async () => {
    const { lists } = await setUp('2026-03-02T15:00:00+08:00');
    await expect(lists.submit('lakeside', '2026-03-03', { agencyId: 'sunrise', appointments }, as(OTHER_SUPERVISOR))).rejects.toMatchObject({ rule: 'PS-6', kind: 'forbidden' });
    await expect(lists.submit('lakeside', '2026-03-03', { agencyId: 'sunrise', appointments }, as(WANG))).rejects.toMatchObject({ rule: 'PS-6', kind: 'forbidden' });
    await expect(lists.submit('lakeside', '2026-02-30', { agencyId: 'sunrise', appointments }, as(SUPERVISOR))).rejects.toMatchObject({ rule: 'PS-6', kind: 'invalid', field: 'date' });
  });
});
