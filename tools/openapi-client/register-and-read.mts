// A small client of the platform typed only by the OpenAPI document: openapi-typescript turns
// /docs-json into generated/schema.d.ts, openapi-fetch types every call from it. Registering a ticket
// and reading it back must type-check (strict) against that document alone; `npm run
// validate:client` also runs it against the in-process platform.
//
// Nothing here is imported from the platform's sources: if a field is missing from the document (a
// response without a schema, a body property without @ApiProperty), this file stops compiling.
import createClient from 'openapi-fetch';
import type { paths } from './generated/schema.js';

/** The body of POST /service-desk/tickets, as the document describes it. */
export type RegisterTicketBody = NonNullable<paths['/service-desk/tickets']['post']['requestBody']>['content']['application/json'];
/** The reply of a command (201). */
export type CommandReply = paths['/service-desk/tickets']['post']['responses'][201]['content']['application/json'];
/** The ticket document of GET /service-desk/tickets/{ticketId} (200). */
export type Ticket = paths['/service-desk/tickets/{ticketId}']['get']['responses'][200]['content']['application/json'];

export interface Caller {
  /** Bearer token of a reference-data administrator (office): registers the staff member and the customer. */
  adminToken: string;
  /** Bearer token of `staffId`, the staff member who registers the ticket. */
  staffToken: string;
  staffId: string;
  customerId: string;
}

export interface RegisteredTicket {
  ticketId: string;
  status: 'open' | 'resolved';
  ownerId: string;
  customerId: string;
  revision: number;
}

function client(baseUrl: string, token: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
}

function fail(what: string, status: number, error: unknown): never {
  throw new Error(`${what}: HTTP ${status} ${JSON.stringify(error)}`);
}

/** Registers the staff member and the customer, registers a ticket as the staff member and reads it back. */
export async function registerAndRead(baseUrl: string, caller: Caller): Promise<RegisteredTicket> {
  const admin = client(baseUrl, caller.adminToken);
  const staff = await admin.POST('/service-desk/staff', {
    body: { staffId: caller.staffId, name: 'Typed Client', department: 'customer-service', roles: ['customer-service'] },
  });
  if (!staff.data) fail('POST /service-desk/staff', staff.response.status, staff.error);
  const customer = await admin.POST('/service-desk/customers', { body: { customerId: caller.customerId, name: 'Typed client customer' } });
  if (!customer.data) fail('POST /service-desk/customers', customer.response.status, customer.error);

  const desk = client(baseUrl, caller.staffToken);
  const body: RegisterTicketBody = {
    channel: 'hotline',
    kind: 'service-request',
    customerId: caller.customerId,
    description: 'Registered by the typed client (tools/openapi-client)',
  };
  const registered = await desk.POST('/service-desk/tickets', { body });
  if (!registered.data) fail('POST /service-desk/tickets', registered.response.status, registered.error);
  const reply: CommandReply = registered.data;
  const ticketId: string = reply.id;
  const position: number = reply.position;

  // Read your write: the read models follow the event store; wait for the command's position.
  const read = await desk.GET('/service-desk/tickets/{ticketId}', {
    params: { path: { ticketId } },
    headers: { 'x-min-position': String(position) },
  });
  if (!read.data) fail(`GET /service-desk/tickets/${ticketId}`, read.response.status, read.error);
  const ticket: Ticket = read.data;

  // Typed fields of the ticket document (libs/service-desk/read-models, TicketView).
  const status: 'open' | 'resolved' = ticket.status;
  const ownerId: string = ticket.ownerId;
  const customerId: string = ticket.customerId;
  const revision: number = ticket.revision;
  if (ticket.ticketId !== ticketId) throw new Error(`read back ticket ${ticket.ticketId}, registered ${ticketId}`);
  if (status !== 'open') throw new Error(`a new ticket should be open, is ${status}`);
  if (ownerId !== caller.staffId) throw new Error(`the registering staff member owns the ticket (SD-1), owner is ${ownerId}`);
  if (customerId !== caller.customerId) throw new Error(`customer ${customerId}, registered for ${caller.customerId}`);
  return { ticketId, status, ownerId, customerId, revision };
}
