import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const serviceLadderStreams = streamCategory(SERVICE_DESK_CONTEXT, 'service-ladder');
export const shirkingFindingStreams = streamCategory(SERVICE_DESK_CONTEXT, 'shirking-finding');
export const customerPreferencesStreams = streamCategory(SERVICE_DESK_CONTEXT, 'customer-preferences');
export const ticketExpectationStreams = streamCategory(SERVICE_DESK_CONTEXT, 'ticket-expectation');

export const serviceLadderStream = (ticketId: string): string => serviceLadderStreams.of(ticketId);
export const shirkingFindingStream = (findingId: string): string => shirkingFindingStreams.of(findingId);
export const customerPreferencesStream = (customerId: string): string => customerPreferencesStreams.of(customerId);
export const ticketExpectationStream = (ticketId: string): string => ticketExpectationStreams.of(ticketId);
