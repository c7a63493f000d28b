import { streamCategory } from '@ebp/shared-eventsourcing';

/** The service desk's streams follow the core convention `service-desk.<aggregate>.<id>`. */
export const SERVICE_DESK_CONTEXT = 'service-desk';

export const ticketStreams = streamCategory(SERVICE_DESK_CONTEXT, 'ticket');
export const staffStreams = streamCategory(SERVICE_DESK_CONTEXT, 'staff');
export const customerStreams = streamCategory(SERVICE_DESK_CONTEXT, 'customer');
export const projectStreams = streamCategory(SERVICE_DESK_CONTEXT, 'project');

export const ticketStream = (ticketId: string): string => ticketStreams.of(ticketId);
export const staffStream = (staffId: string): string => staffStreams.of(staffId);
export const customerStream = (customerId: string): string => customerStreams.of(customerId);
export const projectStream = (projectId: string): string => projectStreams.of(projectId);
