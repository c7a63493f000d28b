import { DomainError, type Actor, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { seesCustomerInClear, type Customer } from '@ebp/property-sales-domain';
import { AGENCIES_COLLECTION, AGENCY_MEMBERS_COLLECTION, PROJECTS_COLLECTION, type AgencyMemberView, type AgencyView, type ProjectView } from '../registry/registry.projection';

/** Who asks: the token's subject is their staff id. */
export type PsReader = Pick<Actor, 'userId' | 'roles'>;

export const SALESPERSON = 'salesperson';
export const AGENCY_SUPERVISOR = 'agency-supervisor';
export const FINANCE = 'finance';
export const CONTRACT_ADMINISTRATOR = 'contract-administrator';
export const SITE_MANAGER = 'site-manager';
export const SITE_SUPERVISOR = 'site-supervisor';

/** The agencies' people: they see their own agency's records. */
export const SALES_ROLES = [SALESPERSON, AGENCY_SUPERVISOR] as const;
/** The developer's people: they see every agency's records (personal data masked but for the site manager). */
export const DEVELOPER_ROLES = [SITE_MANAGER, SITE_SUPERVISOR, FINANCE, CONTRACT_ADMINISTRATOR] as const;
/** Everyone in the sales centre. */
export const PS_ROLES = [...SALES_ROLES, ...DEVELOPER_ROLES] as const;
/** The reports: the developer's site people, finance and the agency supervisors (their agency's rows). */
export const REPORT_ROLES = [SITE_MANAGER, SITE_SUPERVISOR, AGENCY_SUPERVISOR, FINANCE] as const;

const hasAny = (reader: PsReader, roles: readonly string[]): boolean => roles.some((r) => reader.roles.includes(r));
export const isDeveloper = (reader: PsReader): boolean => hasAny(reader, DEVELOPER_ROLES);

/**
 * Whose records a reader sees: the developer's people everything, an agency's people their agency's
 * (a salesperson: `own` narrows lists that are personal, like follow-ups, to their own).
 */
export type PsScope = { all: true } | { all: false; agencyId: string; staffId: string; supervisor: boolean };

export const inAgencyScope = (scope: PsScope, agencyId: string): boolean => scope.all || scope.agencyId === agencyId;

/** The access rules of docs/rules/property-sales.md, over the agency registry and the projects. */
export class PsAccess {
  constructor(private readonly store: ReadModelStore) {}

  async membership(staffId: string): Promise<AgencyMemberView | null> {
    return (await this.store.get<AgencyMemberView>(AGENCY_MEMBERS_COLLECTION, staffId))?.doc ?? null;
  }

  async agency(agencyId: string): Promise<AgencyView | null> {
    return (await this.store.get<AgencyView>(AGENCIES_COLLECTION, agencyId))?.doc ?? null;
  }

  async agencies(agencyIds: string[]): Promise<Map<string, AgencyView>> {
    const found = await this.store.getMany<AgencyView>(AGENCIES_COLLECTION, [...new Set(agencyIds)]);
    return new Map([...found.values()].map((s) => [s.doc.agencyId, s.doc]));
  }

  async members(staffIds: string[]): Promise<Map<string, AgencyMemberView>> {
    const found = await this.store.getMany<AgencyMemberView>(AGENCY_MEMBERS_COLLECTION, [...new Set(staffIds)]);
    return new Map([...found.values()].map((s) => [s.doc.staffId, s.doc]));
  }

  async project(projectId: string): Promise<ProjectView | null> {
    return (await this.store.get<ProjectView>(PROJECTS_COLLECTION, projectId))?.doc ?? null;
  }

  /** The developer's people: all; an agency's salesperson or supervisor: their agency (from the registry), else 403. */
  async scope(reader: PsReader, rule: string, what: string): Promise<PsScope> {
    if (isDeveloper(reader)) return { all: true };
    if (hasAny(reader, SALES_ROLES)) {
      const member = await this.membership(reader.userId);
      if (member) {
        const supervisor = reader.roles.includes(AGENCY_SUPERVISOR) && member.role === AGENCY_SUPERVISOR;
        return { all: false, agencyId: member.agencyId, staffId: reader.userId, supervisor };
      }
    }
    throw new DomainError(rule, `only a member of a registered agency or the developer's staff may read ${what}`, 'forbidden');
  }

  /** An agency's people asking about another agency: 403 naming the rule. */
  requireAgency(scope: PsScope, agencyId: string, rule: string, what: string): void {
    if (!inAgencyScope(scope, agencyId)) throw new DomainError(rule, `${what} of agency ${agencyId} are for that agency and the developer only`, 'forbidden', 'agencyId');
  }

  /**
   * PS-2: phone and ID numbers in clear only for the owning salesperson, a supervisor of the owning
   * agency (from the registry) and the developer's site manager.
   */
  async seesPersonalData(reader: PsReader, owner: Pick<Customer, 'agencyId' | 'salespersonId'>): Promise<boolean> {
    const member = reader.roles.includes(AGENCY_SUPERVISOR) ? await this.membership(reader.userId) : null;
    const supervises = member !== null && member.role === AGENCY_SUPERVISOR ? member.agencyId : null;
    return seesCustomerInClear(owner, { staffId: reader.userId, roles: reader.roles, agencyId: supervises });
  }

  requireRole(reader: PsReader, roles: readonly string[], rule: string, what: string): void {
    if (!hasAny(reader, roles)) throw new DomainError(rule, `only ${roles.join(', ')} may read ${what}`, 'forbidden');
  }
}
