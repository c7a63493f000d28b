import type { DomainCommand } from '@ebp/shared-kernel';

/**
 * Who acts: the token's subject (a staff id) and roles. The deciders of the reference data and of
 * PS-2, PS-6 and PS-10 authorize with it where a rule says who may act.
 */
export interface PsActor {
  staffId: string;
  roles: readonly string[];
}

/** PS-1 reference data: a development with the developer's site manager and site supervisor. */
export type RegisterProject = DomainCommand<'RegisterProject', { projectId: string; name: string; siteManagerId: string; siteSupervisorId: string; actor: PsActor }>;
/** PS-1 reference data: a building of the project with its number of floors. */
export type AddBuilding = DomainCommand<'AddBuilding', { projectId: string; buildingId: string; name: string; floors: number; actor: PsActor }>;

export type ProjectCommand = RegisterProject | AddBuilding;

/** An agency selling the developer's units, with its supervisor. */
export type RegisterAgency = DomainCommand<'RegisterAgency', { agencyId: string; name: string; supervisorId: string; supervisorName?: string | null; actor: PsActor }>;
/** A salesperson (or a further supervisor) of the agency: by the site manager or that agency's supervisor. */
export type AddAgencyMember = DomainCommand<'AddAgencyMember', { agencyId: string; staffId: string; name: string; role: 'salesperson' | 'agency-supervisor'; actor: PsActor }>;

export type AgencyCommand = RegisterAgency | AddAgencyMember;
