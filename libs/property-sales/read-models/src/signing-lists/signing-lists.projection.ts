import { stateProjection } from '@ebp/shared-eventsourcing';
import { signingListDecider, signingListStreams, type SigningListEvent, type SigningListState } from '@ebp/property-sales-domain';

export const SIGNING_LISTS_COLLECTION = 'ps_signing_lists';

/**
 * PS-6: one document per agency and signing day (id: `<projectId>.<date>.<agencyId>`), the
 * aggregate's state: the current list and every version, each with its late flag. Listed by project and date.
 */
export const psSigningListsProjection = stateProjection<SigningListState, SigningListEvent>({
  name: 'property-sales-signing-lists',
  collection: SIGNING_LISTS_COLLECTION,
  category: signingListStreams,
  indexes: ['projectId', 'date', 'agencyId'],
  initialState: signingListDecider.initialState,
  evolve: signingListDecider.evolve,
  exists: (state) => state.status !== 'none',
});
