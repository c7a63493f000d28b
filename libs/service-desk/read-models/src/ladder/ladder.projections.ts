import { stateProjection } from '@ebp/shared-eventsourcing';
import {
  customerPreferencesStreams,
  serviceLadderStreams,
  shirkingFindingStreams,
  ticketExpectationStreams,
  customerPreferencesDecider,
  serviceLadderDecider,
  shirkingFindingDecider,
  ticketExpectationDecider,
} from '@ebp/service-desk-domain';

export const SERVICE_LADDERS_COLLECTION = 'sd_service_ladders';
export const SHIRKING_FINDINGS_COLLECTION = 'sd_shirking_findings';
export const CUSTOMER_PREFERENCES_COLLECTION = 'sd_customer_preferences';
export const TICKET_EXPECTATIONS_COLLECTION = 'sd_ticket_expectations';

// Each document is the aggregate's own state (one per ticket, finding or customer), folded with its decider.

/** SD-8: the ladder per ticket — stage, authorization, deadline, arrival, breach. */
export const serviceLadderProjection = stateProjection({
  name: 'service-desk-service-ladders',
  collection: SERVICE_LADDERS_COLLECTION,
  category: serviceLadderStreams,
  indexes: ['stage', 'breached', 'customerId'],
  initialState: serviceLadderDecider.initialState,
  evolve: serviceLadderDecider.evolve,
  exists: (s) => s.status !== 'none',
});

/** SD-6: one document per finding, queried by staff member. */
export const shirkingFindingProjection = stateProjection({
  name: 'service-desk-shirking-findings',
  collection: SHIRKING_FINDINGS_COLLECTION,
  category: shirkingFindingStreams,
  indexes: ['staffId', 'ticketId'],
  initialState: shirkingFindingDecider.initialState,
  evolve: shirkingFindingDecider.evolve,
  exists: (s) => s.status !== 'none',
});

/** SD-17: the preferences on each customer's profile. */
export const customerPreferencesProjection = stateProjection({
  name: 'service-desk-customer-preferences',
  collection: CUSTOMER_PREFERENCES_COLLECTION,
  category: customerPreferencesStreams,
  indexes: [],
  initialState: customerPreferencesDecider.initialState,
  evolve: customerPreferencesDecider.evolve,
  exists: (s) => s.status !== 'none',
});

/** SD-17: unmet expectations per ticket; `status: 'unmet'` means the improvement analysis is still due. */
export const ticketExpectationProjection = stateProjection({
  name: 'service-desk-ticket-expectations',
  collection: TICKET_EXPECTATIONS_COLLECTION,
  category: ticketExpectationStreams,
  indexes: ['status', 'customerId'],
  initialState: ticketExpectationDecider.initialState,
  evolve: ticketExpectationDecider.evolve,
  exists: (s) => s.status !== 'none',
});
