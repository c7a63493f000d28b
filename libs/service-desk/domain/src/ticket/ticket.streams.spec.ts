import { categoryOf, contextOf } from '@ebp/shared-eventsourcing';
import { ticketStream, ticketStreams } from './ticket.streams';

describe('ticket streams', () => {
  it('SD-1 ticket streams follow service-desk.ticket.<id>', () => {
    expect(ticketStream('a-1')).toBe('service-desk.ticket.a-1');
    expect(categoryOf(ticketStream('a-1'))).toBe('service-desk.ticket');
    expect(contextOf(ticketStream('a-1'))).toBe('service-desk');
    expect(ticketStreams.idOf('service-desk.ticket.a-1')).toBe('a-1');
  });
});
