import type { EmployeeHiredV1 } from '@ebp/hr-attendance-contracts';
import type { Decider, DomainEvent, ReactionContext } from '@ebp/shared-eventsourcing';
import { hrEmployeeDirectoryReactor } from './hr-employees.reactor';

function recordingContext() {
  const calls: { streamId: string; command: unknown }[] = [];
  const context: ReactionContext = {
    async execute<S, C, E extends DomainEvent>(_decider: Decider<S, C, E>, streamId: string, build: (now: string) => C) {
      calls.push({ streamId, command: build('2026-03-02T09:00:00+08:00') });
    },
  };
  return { calls, context };
}

const hired: EmployeeHiredV1 = {
  type: 'hr-attendance.employee-hired.v1',
  id: 'e-1',
  source: 'hr-attendance',
  subject: 'cs-li',
  streamId: 'hr-attendance.employee.cs-li',
  position: 3,
  occurredAt: '2026-03-02T09:00:00+08:00',
  correlationId: 'c-1',
  data: { staffId: 'cs-li', name: 'Li Na', position: 'hotline agent', department: 'customer-service', managerId: 'cs-mgr', hireDate: '2026-03-02' },
};

describe('the staff directory follows HR', () => {
  it('HR-1 registers a hire published by HR in the service desk directory under the same staff id, without roles', async () => {
    const { calls, context } = recordingContext();
    await hrEmployeeDirectoryReactor.react(hired, context);
    expect(calls).toEqual([
      {
        streamId: 'service-desk.staff.cs-li',
        command: {
          type: 'RegisterStaffMember',
          data: { staffId: 'cs-li', name: 'Li Na', department: 'customer-service', roles: [], isDepartmentManager: false },
          metadata: { now: '2026-03-02T09:00:00+08:00' },
        },
      },
    ]);
  });

  it('listens to HR only and ignores its other events', async () => {
    const { calls, context } = recordingContext();
    expect(hrEmployeeDirectoryReactor.from).toEqual(['hr-attendance']);
    await hrEmployeeDirectoryReactor.react({ ...hired, type: 'hr-attendance.employee-left.v1', data: { staffId: 'cs-li', leavingDate: '2026-06-30' } }, context);
    expect(calls).toEqual([]);
  });
});
