import { Inject, Injectable } from '@nestjs/common';
import { DomainError, loadState, type Actor, type EventStore } from '@ebp/shared-eventsourcing';
import { EVENT_STORE } from '@ebp/shared-nest';
import {
  agencyDecider,
  agencyMemberOf,
  agencyStream,
  buildingOf,
  customerDecider,
  customerStream,
  projectDecider,
  projectStream,
  type Building,
  type CustomerRef,
  type SalesActor,
} from '@ebp/property-sales-domain';

/**
 * The reference data a unit command needs, read fresh from the event store (the command side
 * never trusts a lagging view): the building, the registered customer and the caller's agency.
 * Only the unit stream is written, with its expected revision.
 */
@Injectable()
export class SalesParties {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** PS-1: the building on the project stream; 404 when the project or the building is not registered. */
  async building(projectId: string, buildingId: string): Promise<Building> {
    const { state } = await loadState(this.store, projectDecider, projectStream(projectId));
    if (state.status === 'none') throw new DomainError('PS-1', `project ${projectId} is not registered`, 'not-found', 'projectId');
    const building = buildingOf(state, buildingId);
    if (!building) throw new DomainError('PS-1', `project ${projectId} has no building ${buildingId}`, 'not-found', 'buildingId');
    return building;
  }

  /** PS-2: the customer's owner, null when the customer is not registered. */
  async customer(customerId: string): Promise<CustomerRef | null> {
    const { state } = await loadState(this.store, customerDecider, customerStream(customerId));
    if (state.status === 'none') return null;
    return { customerId: state.customerId, agencyId: state.agencyId, salespersonId: state.salespersonId };
  }

  /** The caller, acting for `agencyId` when they are a member of it (AgencyMemberAdded); agencyId null otherwise. */
  async actor(actor: Actor, agencyId: string | null): Promise<SalesActor> {
    const base = { staffId: actor.userId, roles: actor.roles };
    if (agencyId === null) return { ...base, agencyId: null };
    const { state } = await loadState(this.store, agencyDecider, agencyStream(agencyId));
    return { ...base, agencyId: agencyMemberOf(state, actor.userId) ? agencyId : null };
  }
}
