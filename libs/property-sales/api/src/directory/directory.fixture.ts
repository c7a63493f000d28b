import type { Actor } from '@ebp/shared-eventsourcing';
import { InMemoryEventStore } from '@ebp/shared-eventsourcing/testing';
import type { CommandContext } from '@ebp/shared-nest';
import { SalesDirectoryCommands } from './directory.commands';
import { SalesStaff } from './sales-staff';

// Test fixture of the property-sales command specs (not exported from the library).

export const SITE_MANAGER: Actor = { userId: 'sm-zhou', roles: ['site-manager'] };
export const SUPERVISOR: Actor = { userId: 'as-li', roles: ['agency-supervisor'] };
export const OTHER_SUPERVISOR: Actor = { userId: 'as-chen', roles: ['agency-supervisor'] };
export const WANG: Actor = { userId: 'sp-wang', roles: ['salesperson'] };
export const ZHAO: Actor = { userId: 'sp-zhao', roles: ['salesperson'] };
export const as = (actor: Actor): CommandContext => ({ actor });

/** A project lakeside (b1), agencies sunrise (as-li, sp-wang) and moonlight (as-chen, sp-zhao). */
export async function directoryFixture(now = '2026-03-02T08:00:00+08:00') {
  const store = new InMemoryEventStore();
  const clock = { now: () => now };
  const directory = new SalesDirectoryCommands(store, clock);
  await directory.registerProject({ projectId: 'lakeside', name: 'Lakeside Garden', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-qian' }, as(SITE_MANAGER));
  await directory.addBuilding('lakeside', { buildingId: 'b1', name: 'Building 1', floors: 18 }, as(SITE_MANAGER));
  await directory.registerAgency({ agencyId: 'sunrise', name: 'Sunrise', supervisorId: 'as-li', supervisorName: 'Li Na' }, as(SITE_MANAGER));
  await directory.registerAgency({ agencyId: 'moonlight', name: 'Moonlight', supervisorId: 'as-chen' }, as(SITE_MANAGER));
  await directory.addMember('sunrise', { staffId: 'sp-wang', name: 'Wang Fang', role: 'salesperson' }, as(SUPERVISOR));
  await directory.addMember('moonlight', { staffId: 'sp-zhao', name: 'Zhao Lei', role: 'salesperson' }, as(SITE_MANAGER));
  return { store, clock, directory, staff: new SalesStaff(store) };
}
