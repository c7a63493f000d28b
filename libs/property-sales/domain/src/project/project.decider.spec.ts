import { fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { AddAgencyMember, AddBuilding, RegisterAgency, RegisterProject, PsActor } from './project.commands';
import { agencyDecider, agencyMemberOf, buildingOf, isAgencySupervisor, projectDecider } from './project.decider';
import type { AgencyMemberAdded, AgencyRegistered, BuildingAdded, ProjectRegistered } from './project.events';

const NOW = '2026-03-02T09:00:00+08:00';
const SITE_MANAGER: PsActor = { staffId: 'sm-zhou', roles: ['site-manager'] };
const SUPERVISOR: PsActor = { staffId: 'as-li', roles: ['agency-supervisor'] };
const OTHER_SUPERVISOR: PsActor = { staffId: 'as-chen', roles: ['agency-supervisor'] };
const SALESPERSON: PsActor = { staffId: 'sp-wang', roles: ['salesperson'] };

const registerProject = (actor = SITE_MANAGER, data: Partial<RegisterProject['data']> = {}): RegisterProject => ({
  type: 'RegisterProject',
  data: { projectId: 'lakeside', name: 'Lakeside Garden', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-qian', actor, ...data },
  metadata: { now: NOW },
});
const addBuilding = (data: Partial<AddBuilding['data']> = {}): AddBuilding => ({
  type: 'AddBuilding',
  data: { projectId: 'lakeside', buildingId: 'b1', name: 'Building 1', floors: 18, actor: SITE_MANAGER, ...data },
  metadata: { now: NOW },
});
const projectRegistered: ProjectRegistered = {
  type: 'ProjectRegistered',
  data: { projectId: 'lakeside', name: 'Lakeside Garden', siteManagerId: 'sm-zhou', siteSupervisorId: 'ss-qian', registeredBy: 'sm-zhou', registeredAt: NOW },
};
const buildingAdded: BuildingAdded = { type: 'BuildingAdded', data: { projectId: 'lakeside', buildingId: 'b1', name: 'Building 1', floors: 18, addedBy: 'sm-zhou', addedAt: NOW } };

const registerAgency = (actor = SITE_MANAGER): RegisterAgency => ({
  type: 'RegisterAgency',
  data: { agencyId: 'sunrise', name: 'Sunrise Realty', supervisorId: 'as-li', supervisorName: 'Li Na', actor },
  metadata: { now: NOW },
});
const addMember = (actor: PsActor, data: Partial<AddAgencyMember['data']> = {}): AddAgencyMember => ({
  type: 'AddAgencyMember',
  data: { agencyId: 'sunrise', staffId: 'sp-wang', name: 'Wang Fang', role: 'salesperson', actor, ...data },
  metadata: { now: NOW },
});
const agencyRegistered: AgencyRegistered = {
  type: 'AgencyRegistered',
  data: { agencyId: 'sunrise', name: 'Sunrise Realty', supervisorId: 'as-li', supervisorName: 'Li Na', registeredBy: 'sm-zhou', registeredAt: NOW },
};
const memberAdded = (addedBy = 'sm-zhou'): AgencyMemberAdded => ({
  type: 'AgencyMemberAdded',
  data: { agencyId: 'sunrise', staffId: 'sp-wang', name: 'Wang Fang', role: 'salesperson', addedBy, addedAt: NOW },
});

describe('project decider (PS-1 reference data)', () => {
  const spec = DeciderSpecification.for(projectDecider);

  it('PS-1 the site manager registers a project and adds a building with its floors', () => {
    spec.when(registerProject()).then([projectRegistered]);
    const state = spec.given([projectRegistered]).when(addBuilding()).then([buildingAdded]);
    expect(buildingOf(state, 'b1')).toEqual({ buildingId: 'b1', name: 'Building 1', floors: 18 });
  });

  it('PS-1 re-registering the same project or re-adding the same building changes nothing; a different one is a conflict', () => {
    spec.given([projectRegistered]).when(registerProject()).then([]);
    expect(spec.given([projectRegistered]).when(registerProject(SITE_MANAGER, { name: 'Other' })).thenThrows('PS-1').kind).toBe('conflict');
    spec.given([projectRegistered, buildingAdded]).when(addBuilding()).then([]);
    expect(spec.given([projectRegistered, buildingAdded]).when(addBuilding({ floors: 20 })).thenThrows('PS-1').kind).toBe('conflict');
  });

  it('PS-1 only the site manager registers projects and buildings (403)', () => {
    expect(spec.when(registerProject(SALESPERSON)).thenThrows('PS-1').kind).toBe('forbidden');
    expect(spec.given([projectRegistered]).when(addBuilding({ actor: SUPERVISOR })).thenThrows('PS-1').kind).toBe('forbidden');
  });

  it('PS-1 a building needs a registered project, a code without dots and 1-200 floors', () => {
    expect(spec.when(addBuilding()).thenThrows('PS-1').kind).toBe('not-found');
    expect(spec.given([projectRegistered]).when(addBuilding({ buildingId: 'b.1' })).thenThrows('PS-1').field).toBe('buildingId');
    expect(spec.given([projectRegistered]).when(addBuilding({ floors: 0 })).thenThrows('PS-1').field).toBe('floors');
    expect(spec.when(registerProject(SITE_MANAGER, { projectId: 'lake side' })).thenThrows('PS-1').field).toBe('projectId');
  });
});

describe('agency decider (PS-1 reference data: the agency registry)', () => {
  const spec = DeciderSpecification.for(agencyDecider);

  it('PS-1 the site manager registers an agency; its supervisor is its first member', () => {
    const state = spec.when(registerAgency()).then([agencyRegistered]);
    expect(state).toMatchObject({ status: 'registered', supervisorId: 'as-li', members: [{ staffId: 'as-li', name: 'Li Na', role: 'agency-supervisor' }] });
    expect(isAgencySupervisor(state, 'as-li')).toBe(true);
  });

  it("PS-1 the site manager or that agency's supervisor adds members", () => {
    spec.given([agencyRegistered]).when(addMember(SITE_MANAGER)).then([memberAdded()]);
    const state = spec.given([agencyRegistered]).when(addMember(SUPERVISOR)).then([memberAdded('as-li')]);
    expect(agencyMemberOf(state, 'sp-wang')).toEqual({ staffId: 'sp-wang', name: 'Wang Fang', role: 'salesperson' });
    expect(agencyMemberOf(state, 'sp-nobody')).toBeNull();
  });

  it("PS-1 another agency's supervisor or a salesperson may not add members (403)", () => {
    expect(spec.given([agencyRegistered]).when(addMember(OTHER_SUPERVISOR)).thenThrows('PS-1').kind).toBe('forbidden');
    expect(spec.given([agencyRegistered, memberAdded()]).when(addMember(SALESPERSON, { staffId: 'sp-zhao', name: 'Zhao' })).thenThrows('PS-1').kind).toBe('forbidden');
    expect(spec.when(registerAgency(SUPERVISOR)).thenThrows('PS-1').kind).toBe('forbidden');
  });

  it('PS-1 adding the same member again changes nothing; another role for them is a conflict', () => {
    spec.given([agencyRegistered, memberAdded()]).when(addMember(SITE_MANAGER)).then([]);
    expect(spec.given([agencyRegistered, memberAdded()]).when(addMember(SITE_MANAGER, { role: 'agency-supervisor' })).thenThrows('PS-1').kind).toBe('conflict');
    expect(spec.when(addMember(SITE_MANAGER)).thenThrows('PS-1').kind).toBe('not-found');
  });

  it('PS-1 a supervisor registered without a name counts as a member under their staff id', () => {
    const data = { ...agencyRegistered.data };
    delete data.supervisorName;
    const state = fold(agencyDecider, [{ type: 'AgencyRegistered', data }]);
    expect(agencyMemberOf(state, 'as-li')).toEqual({ staffId: 'as-li', name: 'as-li', role: 'agency-supervisor' });
  });
});
