import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const ticketStreams = streamCategory(SERVICE_DESK_CONTEXT, 'ticket');

export const ticketStream = (ticketId: string): string => ticketStreams.of(ticketId);
