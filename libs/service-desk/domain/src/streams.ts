/** Stream ids follow `service-desk.<category>-<id>` so `categoryOf`/`contextOf` can route them. */
export const SERVICE_DESK_CONTEXT = 'service-desk';

export const TICKET_CATEGORY = 'service-desk.ticket';
export const STAFF_CATEGORY = 'service-desk.staff';
export const CUSTOMER_CATEGORY = 'service-desk.customer';
export const PROJECT_CATEGORY = 'service-desk.project';

export const ticketStream = (ticketId: string): string => `${TICKET_CATEGORY}-${ticketId}`;
export const staffStream = (staffId: string): string => `${STAFF_CATEGORY}-${staffId}`;
export const customerStream = (customerId: string): string => `${CUSTOMER_CATEGORY}-${customerId}`;
export const projectStream = (projectId: string): string => `${PROJECT_CATEGORY}-${projectId}`;
