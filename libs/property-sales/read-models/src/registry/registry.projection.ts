import { stateProjection, type Projection } from '@ebp/shared-eventsourcing';
import {
  agencyDecider,
  agencyStreams,
  projectDecider,
  projectStreams,
  type Agency,
  type AgencyEvent,
  type AgencyMember,
  type AgencyState,
  type Project,
  type ProjectEvent,
  type ProjectState,
} from '@ebp/property-sales-domain';

export const PROJECTS_COLLECTION = 'ps_projects';
export const AGENCIES_COLLECTION = 'ps_agencies';
export const AGENCY_MEMBERS_COLLECTION = 'ps_agency_members';

export type ProjectView = Project;
export type AgencyView = Agency;

/** Which agency a member of staff works for, and as what. */
export interface AgencyMemberView extends AgencyMember {
  agencyId: string;
}

/** PS-1: projects with the developer's site manager, site supervisor and buildings, the aggregate's state. */
export const psProjectsProjection = stateProjection<ProjectState, ProjectEvent>({
  name: 'property-sales-projects',
  collection: PROJECTS_COLLECTION,
  category: projectStreams,
  indexes: ['siteManagerId', 'siteSupervisorId'],
  initialState: projectDecider.initialState,
  evolve: projectDecider.evolve,
  exists: (state) => state.status !== 'none',
});

/** The agency registry: agencies with their supervisor and members, the aggregate's state. */
export const psAgenciesProjection = stateProjection<AgencyState, AgencyEvent>({
  name: 'property-sales-agencies',
  collection: AGENCIES_COLLECTION,
  category: agencyStreams,
  indexes: ['supervisorId'],
  initialState: agencyDecider.initialState,
  evolve: agencyDecider.evolve,
  exists: (state) => state.status !== 'none',
});

/**
 * Whose agency a member of staff works for, by staff id (a scalar lookup: an agency's member list is
 * an array, not queryable). The supervisor named at registration is the agency's first supervisor.
 */
export const psAgencyMembersProjection: Projection<AgencyMemberView> = {
  name: 'property-sales-agency-members',
  collection: AGENCY_MEMBERS_COLLECTION,
  indexes: ['agencyId', 'role'],
  documentId(recorded) {
    if (!agencyStreams.owns(recorded.metadata.streamId)) return null;
    const event = recorded as unknown as AgencyEvent;
    if (event.type === 'AgencyRegistered') return event.data.supervisorId;
    if (event.type === 'AgencyMemberAdded') return event.data.staffId;
    return null;
  },
  evolve(doc, recorded) {
    const event = recorded as unknown as AgencyEvent;
    switch (event.type) {
      case 'AgencyRegistered': {
        const d = event.data;
        return { staffId: d.supervisorId, agencyId: d.agencyId, name: d.supervisorName ?? (doc?.agencyId === d.agencyId ? doc.name : d.supervisorId), role: 'agency-supervisor' };
      }
      case 'AgencyMemberAdded':
        return { staffId: event.data.staffId, agencyId: event.data.agencyId, name: event.data.name, role: event.data.role };
      default:
        return doc;
    }
  },
};
