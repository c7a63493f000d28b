import { customerStream, projectStream, staffStream } from './directory.streams';

describe('directory streams', () => {
  it('SD-1 staff, customer and project streams follow service-desk.<aggregate>.<id>', () => {
    expect(staffStream('bob')).toBe('service-desk.staff.bob');
    expect(customerStream('c-1')).toBe('service-desk.customer.c-1');
    expect(projectStream('p-1')).toBe('service-desk.project.p-1');
  });
});
