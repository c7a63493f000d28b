import { recorded } from '@ebp/shared-eventsourcing/testing';
import { versionOf } from '@ebp/shared-eventsourcing';
import { PUBLISHED_HR_EVENT_TYPES, toPublishedHrEvent } from './hr-attendance.contracts';

const hired = {
  type: 'EmployeeHired',
  data: { staffId: 'cs-li', name: 'Li Na', position: 'agent', department: 'customer-service', managerId: null, hireDate: '2026-03-02', baseSalaryFen: 600_000 },
};

describe('HR published language', () => {
  it('HR-1 names every published type hr-attendance.<event>.v1', () => {
    for (const type of PUBLISHED_HR_EVENT_TYPES) {
      expect(type).toMatch(/^hr-attendance\.[a-z-]+\.v1$/);
      expect(versionOf(type)).toBe(1);
    }
  });

  it('HR-1 maps only HR streams: the same event type on another context\'s stream publishes nothing', () => {
    expect(toPublishedHrEvent(recorded(hired, { streamId: 'hr-attendance.employee.cs-li' }))?.type).toBe('hr-attendance.employee-hired.v1');
    expect(toPublishedHrEvent(recorded(hired, { streamId: 'service-desk.staff.cs-li' }))).toBeNull();
    expect(toPublishedHrEvent(recorded({ type: 'EmployeeHired', data: hired.data }, { streamId: 'hr-attendance.staff-month.2026-03.cs-li' }))).toBeNull();
  });

  it('HR-6 copies fields one by one: a salary in the domain event never reaches the payload', () => {
    const published = toPublishedHrEvent(recorded(hired, { streamId: 'hr-attendance.employee.cs-li' }));
    expect(published?.data).not.toHaveProperty('baseSalaryFen');
  });
});
