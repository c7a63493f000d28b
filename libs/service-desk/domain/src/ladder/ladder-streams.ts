/*
 * Categories carry no '-' (underscore instead): `categoryOf` splits at the first dash after the dot,
 * so `service-desk.ticket-expectation-x` would be read as a *ticket* stream (and
 * `service-desk.customer-preferences-x` as a customer) by the existing projections.
 */
export const SERVICE_LADDER_CATEGORY = 'service-desk.service_ladder';
export const SHIRKING_FINDING_CATEGORY = 'service-desk.shirking_finding';
export const CUSTOMER_PREFERENCES_CATEGORY = 'service-desk.customer_preferences';
export const TICKET_EXPECTATION_CATEGORY = 'service-desk.ticket_expectation';

export const serviceLadderStream = (ticketId: string): string => `${SERVICE_LADDER_CATEGORY}-${ticketId}`;
export const shirkingFindingStream = (findingId: string): string => `${SHIRKING_FINDING_CATEGORY}-${findingId}`;
export const customerPreferencesStream = (customerId: string): string => `${CUSTOMER_PREFERENCES_CATEGORY}-${customerId}`;
export const ticketExpectationStream = (ticketId: string): string => `${TICKET_EXPECTATION_CATEGORY}-${ticketId}`;
