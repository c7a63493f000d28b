import type { DomainEvent } from '@ebp/shared-eventsourcing';

/** A development with the developer's people on site. */
export type ProjectRegistered = DomainEvent<
  'ProjectRegistered',
  { projectId: string; name: string; siteManagerId: string; siteSupervisorId: string; registeredBy: string; registeredAt: string }
>;
export type BuildingAdded = DomainEvent<'BuildingAdded', { projectId: string; buildingId: string; name: string; floors: number; addedBy: string; addedAt: string }>;

export type ProjectEvent = ProjectRegistered | BuildingAdded;

/** One of the agencies selling the developer's units, with its supervisor and salespeople. */
export type AgencyRegistered = DomainEvent<
  'AgencyRegistered',
  { agencyId: string; name: string; supervisorId: string; /** Optional (added by the domain helper): the supervisor's name. */ supervisorName?: string; registeredBy: string; registeredAt: string }
>;
export type AgencyMemberAdded = DomainEvent<'AgencyMemberAdded', { agencyId: string; staffId: string; name: string; role: 'salesperson' | 'agency-supervisor'; addedBy: string; addedAt: string }>;

export type AgencyEvent = AgencyRegistered | AgencyMemberAdded;
