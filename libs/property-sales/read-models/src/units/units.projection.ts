import { stateProjection } from '@ebp/shared-eventsourcing';
import { unitDecider, unitStreams, type Unit, type UnitEvent, type UnitState } from '@ebp/property-sales-domain';

export const UNITS_COLLECTION = 'ps_units';

/**
 * PS-1 … PS-8: one document per unit (id: the unit id), the aggregate's own state: listing, state,
 * price history with approvers, hold, reservation, price sheets with decisions, the subscription
 * with its steps, follow-up, signing steps and errors, cancelled subscriptions. Lists filter on the
 * scalar project, building and status; the rest is read in memory.
 */
export const psUnitsProjection = stateProjection<UnitState, UnitEvent>({
  name: 'property-sales-units',
  collection: UNITS_COLLECTION,
  category: unitStreams,
  indexes: ['projectId', 'buildingId', 'status'],
  initialState: unitDecider.initialState,
  evolve: unitDecider.evolve,
  exists: (state) => state.status !== 'none',
});

export type UnitDoc = Unit;
