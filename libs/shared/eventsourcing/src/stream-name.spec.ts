import { categoryOf, contextOf, parseStreamName, streamCategory, streamName } from './stream-name';

describe('stream names: <context>.<aggregate>.<id>', () => {
  it('splits context, aggregate and id unambiguously, whatever dashes and dots the id holds', () => {
    expect(parseStreamName('service-desk.service-ladder.t-42.x')).toEqual({ context: 'service-desk', aggregate: 'service-ladder', id: 't-42.x' });
    expect(categoryOf('service-desk.ticket-expectation.t-1')).toBe('service-desk.ticket-expectation');
    expect(contextOf('hr-attendance.payslip.2026-03')).toBe('hr-attendance');
  });

  it('keeps a category with a dash apart from a shorter one with the same start', () => {
    const tickets = streamCategory('service-desk', 'ticket');
    expect(tickets.owns('service-desk.ticket.t-1')).toBe(true);
    expect(tickets.owns('service-desk.ticket-expectation.t-1')).toBe(false);
    expect(tickets.idOf('service-desk.ticket.t-1')).toBe('t-1');
    expect(tickets.idOf('service-desk.ticket-expectation.t-1')).toBeNull();
  });

  it('refuses names that would make the split ambiguous', () => {
    expect(() => streamName('service.desk', 'ticket', '1')).toThrow(/context/);
    expect(() => streamName('service-desk', 'Ticket', '1')).toThrow(/aggregate/);
    expect(() => streamName('service-desk', 'ticket', '')).toThrow(/empty/);
    expect(parseStreamName('service-desk.ticket')).toBeNull();
    expect(categoryOf('no-dots')).toBeNull();
  });
});
