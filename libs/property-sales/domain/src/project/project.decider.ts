import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireOneOf, requireText } from '@ebp/shared-kernel';
import { CODE_PATTERN } from '../shared/streams';
import type { AgencyCommand, ProjectCommand, PsActor } from './project.commands';
import type { AgencyEvent, AgencyMemberAdded, ProjectEvent } from './project.events';

/** The reference data (projects, buildings, agencies) serves PS-1; agency membership decides who acts for an agency. */
const RULE = 'PS-1';

export const SITE_MANAGER_ROLE = 'site-manager';
export const AGENCY_SUPERVISOR_ROLE = 'agency-supervisor';
export const SALESPERSON_ROLE = 'salesperson';
export const AGENCY_ROLES: readonly AgencyMemberAdded['data']['role'][] = ['salesperson', 'agency-supervisor'];

export const hasRole = (actor: PsActor, role: string): boolean => actor.roles.includes(role);

export function requireCode(value: string, field: string, rule = RULE): string {
  const code = requireText(value, field, rule);
  if (!CODE_PATTERN.test(code)) throw new DomainError(rule, `${field} must be letters, digits, '_' or '-' (at most 32, no dots), got '${code}'`, 'invalid', field);
  return code;
}

export interface Building {
  buildingId: string;
  name: string;
  floors: number;
}

export interface Project {
  status: 'registered';
  projectId: string;
  name: string;
  siteManagerId: string;
  siteSupervisorId: string;
  buildings: Building[];
  registeredAt: string;
}

export type ProjectState = { status: 'none' } | Project;

export const initialProjectState = (): ProjectState => ({ status: 'none' });

export function buildingOf(state: ProjectState, buildingId: string): Building | null {
  return state.status === 'registered' ? (state.buildings.find((b) => b.buildingId === buildingId) ?? null) : null;
}

function requireSiteManager(actor: PsActor, what: string): void {
  if (!hasRole(actor, SITE_MANAGER_ROLE)) throw new DomainError(RULE, `only the developer's site manager may ${what}`, 'forbidden');
}

export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterProject': {
      requireSiteManager(command.data.actor, 'register a project');
      const projectId = requireCode(command.data.projectId, 'projectId');
      const name = requireText(command.data.name, 'name', RULE);
      const siteManagerId = requireText(command.data.siteManagerId, 'siteManagerId', RULE);
      const siteSupervisorId = requireText(command.data.siteSupervisorId, 'siteSupervisorId', RULE);
      if (state.status === 'registered') {
        if (state.name === name && state.siteManagerId === siteManagerId && state.siteSupervisorId === siteSupervisorId) return [];
        throw new DomainError(RULE, `project ${projectId} is already registered`, 'conflict', 'projectId');
      }
      return [{ type: 'ProjectRegistered', data: { projectId, name, siteManagerId, siteSupervisorId, registeredBy: command.data.actor.staffId, registeredAt: now } }];
    }
    case 'AddBuilding': {
      requireSiteManager(command.data.actor, 'add a building');
      if (state.status !== 'registered' || state.projectId !== command.data.projectId) {
        throw new DomainError(RULE, `project ${command.data.projectId} is not registered`, 'not-found', 'projectId');
      }
      const buildingId = requireCode(command.data.buildingId, 'buildingId');
      const name = requireText(command.data.name, 'name', RULE);
      const floors = command.data.floors;
      if (!Number.isSafeInteger(floors) || floors < 1 || floors > 200) throw new DomainError(RULE, 'floors must be a whole number from 1 to 200', 'invalid', 'floors');
      const existing = buildingOf(state, buildingId);
      if (existing) {
        if (existing.name === name && existing.floors === floors) return [];
        throw new DomainError(RULE, `building ${buildingId} of project ${state.projectId} already exists`, 'conflict', 'buildingId');
      }
      return [{ type: 'BuildingAdded', data: { projectId: state.projectId, buildingId, name, floors, addedBy: command.data.actor.staffId, addedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectRegistered': {
      const d = event.data;
      return { status: 'registered', projectId: d.projectId, name: d.name, siteManagerId: d.siteManagerId, siteSupervisorId: d.siteSupervisorId, buildings: [], registeredAt: d.registeredAt };
    }
    case 'BuildingAdded': {
      if (state.status === 'none') return state;
      const d = event.data;
      return { ...state, buildings: [...state.buildings.filter((b) => b.buildingId !== d.buildingId), { buildingId: d.buildingId, name: d.name, floors: d.floors }] };
    }
    default:
      return assertNever(event);
  }
}

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  initialState: initialProjectState,
  decide: decideProject,
  evolve: evolveProject,
};

export interface AgencyMember {
  staffId: string;
  name: string;
  role: 'salesperson' | 'agency-supervisor';
}

export interface Agency {
  status: 'registered';
  agencyId: string;
  name: string;
  supervisorId: string;
  /** The supervisor named at registration is the first member (role agency-supervisor). */
  members: AgencyMember[];
  registeredAt: string;
}

export type AgencyState = { status: 'none' } | Agency;

export const initialAgencyState = (): AgencyState => ({ status: 'none' });

/** The member record of a staff id in this agency, null when they are no member of it. */
export function agencyMemberOf(state: AgencyState, staffId: string): AgencyMember | null {
  return state.status === 'registered' ? (state.members.find((m) => m.staffId === staffId) ?? null) : null;
}

/** A supervisor of the agency: the registered supervisor or a member added with role agency-supervisor. */
export function isAgencySupervisor(state: AgencyState, staffId: string): boolean {
  return agencyMemberOf(state, staffId)?.role === 'agency-supervisor';
}

export function decideAgency(command: AgencyCommand, state: AgencyState): AgencyEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterAgency': {
      requireSiteManager(command.data.actor, 'register an agency');
      const agencyId = requireCode(command.data.agencyId, 'agencyId');
      const name = requireText(command.data.name, 'name', RULE);
      const supervisorId = requireText(command.data.supervisorId, 'supervisorId', RULE);
      const supervisorName = optionalText(command.data.supervisorName, 'supervisorName', RULE);
      if (state.status === 'registered') {
        if (state.name === name && state.supervisorId === supervisorId) return [];
        throw new DomainError(RULE, `agency ${agencyId} is already registered`, 'conflict', 'agencyId');
      }
      return [{ type: 'AgencyRegistered', data: { agencyId, name, supervisorId, ...(supervisorName ? { supervisorName } : {}), registeredBy: command.data.actor.staffId, registeredAt: now } }];
    }
    case 'AddAgencyMember': {
      if (state.status !== 'registered' || state.agencyId !== command.data.agencyId) {
        throw new DomainError(RULE, `agency ${command.data.agencyId} is not registered`, 'not-found', 'agencyId');
      }
      const actor = command.data.actor;
      const bySupervisor = hasRole(actor, AGENCY_SUPERVISOR_ROLE) && isAgencySupervisor(state, actor.staffId);
      if (!hasRole(actor, SITE_MANAGER_ROLE) && !bySupervisor) {
        throw new DomainError(RULE, `only the developer's site manager or a supervisor of agency ${state.agencyId} may add its members`, 'forbidden');
      }
      const staffId = requireText(command.data.staffId, 'staffId', RULE);
      const name = requireText(command.data.name, 'name', RULE);
      const role = requireOneOf(command.data.role, AGENCY_ROLES, 'role', RULE);
      const existing = agencyMemberOf(state, staffId);
      if (existing) {
        if (existing.role === role && existing.name === name) return [];
        // The supervisor named at registration without a name may be added once with their name.
        const namingTheSupervisor = existing.staffId === state.supervisorId && role === 'agency-supervisor' && existing.name === existing.staffId;
        if (!namingTheSupervisor) throw new DomainError(RULE, `${staffId} is already a member of agency ${state.agencyId} as ${existing.role}`, 'conflict', 'staffId');
      }
      return [{ type: 'AgencyMemberAdded', data: { agencyId: state.agencyId, staffId, name, role, addedBy: actor.staffId, addedAt: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveAgency(state: AgencyState, event: AgencyEvent): AgencyState {
  switch (event.type) {
    case 'AgencyRegistered': {
      const d = event.data;
      return {
        status: 'registered',
        agencyId: d.agencyId,
        name: d.name,
        supervisorId: d.supervisorId,
        members: [{ staffId: d.supervisorId, name: d.supervisorName ?? d.supervisorId, role: 'agency-supervisor' }],
        registeredAt: d.registeredAt,
      };
    }
    case 'AgencyMemberAdded': {
      if (state.status === 'none') return state;
      const d = event.data;
      return { ...state, members: [...state.members.filter((m) => m.staffId !== d.staffId), { staffId: d.staffId, name: d.name, role: d.role }] };
    }
    default:
      return assertNever(event);
  }
}

export const agencyDecider: Decider<AgencyState, AgencyCommand, AgencyEvent> = {
  initialState: initialAgencyState,
  decide: decideAgency,
  evolve: evolveAgency,
};
