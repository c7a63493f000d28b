import { loadState } from '@ebp/shared-eventsourcing';
import { officeDayChecklist, officeDayDecider, officeDayStream } from '@ebp/property-sales-domain';
import { as, directoryFixture, SITE_MANAGER, SUPERVISOR, WANG, ZHAO } from '../directory/directory.fixture';
import { OfficeDaysCommands } from './office-days.commands';

async function setUp() {
  const fixture = await directoryFixture();
  let now = '2026-03-02T08:00:00+08:00';
  const clock = { now: () => now };
  return { ...fixture, days: new OfficeDaysCommands(fixture.store, clock, fixture.staff), at: (time: string) => (now = `2026-03-02T${time}+08:00`) };
}

describe('PS-10 office day commands', () => {
  it('PS-10 a day: duty agency, check-ins (late after 08:45), handover, inspections, records, reconciliation', async () => {
    const { store, days, at } = await setUp();
    at('08:00:00');
    expect(await days.assignDutyAgency('lakeside', '2026-03-02', { agencyId: 'sunrise' }, as(SITE_MANAGER))).toMatchObject({
      events: ['DutyAgencyAssigned'],
      location: '/property-sales/office-days/lakeside/2026-03-02',
    });
    at('08:30:00');
    await days.checkIn('lakeside', '2026-03-02', { agencyId: 'moonlight' }, as(ZHAO));
    at('08:46:00');
    await days.checkIn('lakeside', '2026-03-02', { agencyId: 'sunrise' }, as(WANG));
    at('08:50:00');
    await days.handOver('lakeside', '2026-03-02', { fromAgencyId: 'moonlight', dutyBook: true, masterSalesControl: true, items: [] }, as(SUPERVISOR));
    at('09:30:00');
    await days.inspect('lakeside', '2026-03-02', { area: 'sales-centre', findings: 'in order' }, as(WANG));
    await days.inspect('lakeside', '2026-03-02', { area: 'model-unit', findings: 'in order' }, as(WANG));
    at('12:00:00');
    await days.submitDayRecords('lakeside', '2026-03-02', { to: 'ss-qian' }, as(WANG));
    at('18:00:00');
    await days.reconcile('lakeside', '2026-03-02', { with: 'ss-qian', discrepancies: [] }, as(WANG));
    const { state } = await loadState(store, officeDayDecider, officeDayStream('lakeside', '2026-03-02'));
    const list = officeDayChecklist(state, '2026-03-02T19:00:00+08:00');
    expect(Object.fromEntries(list.steps.map((s) => [s.step, s.status]))).toMatchObject({ attendance: 'late', 'day-records': 'late', handover: 'done', reconciliation: 'done' });
    expect(list.positions.map((p) => p.agencyId)).toEqual(['moonlight', 'sunrise']);
  });

  it("PS-10 a member of another agency may not act as the duty agency, nor check in for an agency not theirs (403)", async () => {
    const { days, at } = await setUp();
    at('08:00:00');
    await days.assignDutyAgency('lakeside', '2026-03-02', { agencyId: 'sunrise' }, as(SITE_MANAGER));
    await expect(days.handOver('lakeside', '2026-03-02', { dutyBook: true, masterSalesControl: true, items: [] }, as(ZHAO))).rejects.toMatchObject({ rule: 'PS-10', kind: 'forbidden' });
    await expect(days.checkIn('lakeside', '2026-03-02', { agencyId: 'sunrise' }, as(ZHAO))).rejects.toMatchObject({ rule: 'PS-10', kind: 'forbidden' });
    await expect(days.submitDayRecords('lakeside', '2026-03-02', { to: 'sm-zhou' }, as(WANG))).rejects.toMatchObject({ rule: 'PS-10', kind: 'invalid', field: 'to' });
    await expect(days.assignDutyAgency('lakeside', '2026-03-02', { agencyId: 'ghost' }, as(SITE_MANAGER))).rejects.toMatchObject({ rule: 'PS-10', kind: 'not-found' });
  });
});
