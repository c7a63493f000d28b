import { auditEntryFor } from './audit.controller';
import type { AuditEntry } from './audit.projection';

const entry = (streamId: string, data: unknown): AuditEntry => ({
  eventId: 'e-1',
  streamId,
  revision: 0,
  position: 1,
  type: 'EmployeeHired',
  data,
  actorId: 'hr-zhou',
  actorRoles: ['hr-manager'],
  occurredAt: '2026-03-02T09:00:00+08:00',
  recordedAt: '2026-03-02T01:00:00.000Z',
  recordedAtMs: Date.parse('2026-03-02T01:00:00.000Z'),
  correlationId: 'c-1',
  causationId: null,
  schemaVersion: 1,
});

const readers = { 'hr-attendance': ['hr-manager'] };
const salary = { staffId: 'cs-li', baseSalaryFen: 600_000 };

describe('audit trail payloads', () => {
  it('HR-6 withholds an HR payload (a salary) from an audit role that may not read HR', () => {
    const seen = auditEntryFor(entry('hr-attendance.employee.cs-li', salary), { userId: 'gm-zhao', roles: ['general-manager'] }, readers);
    expect(seen).toMatchObject({ type: 'EmployeeHired', streamId: 'hr-attendance.employee.cs-li', actorId: 'hr-zhou', data: null, redacted: true });
  });

  it('HR-6 shows the HR payload to hr-manager', () => {
    expect(auditEntryFor(entry('hr-attendance.employee.cs-li', salary), { userId: 'hr-zhou', roles: ['office', 'hr-manager'] }, readers)).toMatchObject({ data: salary, redacted: false });
  });

  it('shows payloads of a context that names no readers to every audit role', () => {
    const ticket = { ticketId: 't-1' };
    expect(auditEntryFor(entry('service-desk.ticket.t-1', ticket), { userId: 'gm-zhao', roles: ['general-manager'] }, readers)).toMatchObject({ data: ticket, redacted: false });
  });
});
