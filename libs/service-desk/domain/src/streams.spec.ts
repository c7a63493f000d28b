import { categoryOf, contextOf } from '@ebp/shared-eventsourcing';
import { customerStream, projectStream, staffStream, ticketStream } from './streams';

describe('service desk streams', () => {
  it('SD-1 ticket, staff, customer and project streams follow service-desk.<aggregate>.<id>', () => {
    expect(ticketStream('a-1')).toBe('service-desk.ticket.a-1');
    expect(staffStream('bob')).toBe('service-desk.staff.bob');
    expect(customerStream('c-1')).toBe('service-desk.customer.c-1');
    expect(projectStream('p-1')).toBe('service-desk.project.p-1');
    expect(categoryOf(ticketStream('a-1'))).toBe('service-desk.ticket');
    expect(contextOf(ticketStream('a-1'))).toBe('service-desk');
  });
});
