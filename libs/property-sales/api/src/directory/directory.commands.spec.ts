import { as, directoryFixture, OTHER_SUPERVISOR, SITE_MANAGER, SUPERVISOR, WANG } from './directory.fixture';

describe('PS-1 directory commands', () => {
  it('PS-1 registers a project, buildings, agencies and members with Locations', async () => {
    const { directory, staff } = await directoryFixture();
    const reply = await directory.registerProject({ projectId: 'hillside', name: 'Hillside', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-qian' }, as(SITE_MANAGER));
    expect(reply).toMatchObject({ id: 'hillside', events: ['ProjectRegistered'], location: '/property-sales/projects/hillside' });
    expect((await staff.project('lakeside', 'PS-1')).buildings).toEqual([{ buildingId: 'b1', name: 'Building 1', floors: 18 }]);
    expect(await staff.actor(WANG, 'sunrise', 'PS-2')).toMatchObject({ agencyId: 'sunrise', agencyRole: 'salesperson' });
    expect(await staff.actor(WANG, 'moonlight', 'PS-2')).toMatchObject({ agencyId: null, agencyRole: null });
    expect(await staff.actor(SUPERVISOR, 'sunrise', 'PS-6')).toMatchObject({ agencyId: 'sunrise', agencyRole: 'agency-supervisor' });
  });

  it("PS-1 another agency's supervisor may not add members (403); an unknown project is 404", async () => {
    const { directory, staff } = await directoryFixture();
    await expect(directory.addMember('sunrise', { staffId: 'sp-x', name: 'X', role: 'salesperson' }, as(OTHER_SUPERVISOR))).rejects.toMatchObject({ rule: 'PS-1', kind: 'forbidden' });
    await expect(directory.addBuilding('nowhere', { buildingId: 'b1', name: 'B', floors: 3 }, as(SITE_MANAGER))).rejects.toMatchObject({ rule: 'PS-1', kind: 'not-found' });
    await expect(staff.project('nowhere', 'PS-2')).rejects.toMatchObject({ rule: 'PS-2', kind: 'not-found' });
    await expect(directory.addBuilding('bad.id', { buildingId: 'b1', name: 'B', floors: 3 }, as(SITE_MANAGER))).rejects.toMatchObject({ rule: 'PS-1', kind: 'invalid', field: 'projectId' });
  });
});
