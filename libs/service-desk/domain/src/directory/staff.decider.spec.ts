import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { MarkStaffAbsent, MarkStaffPresent, RegisterStaffMember, UpdateStaffMember } from './staff.commands';
import { isGeneralManager, staffDecider } from './staff.decider';
import type { StaffMemberMarkedAbsent, StaffMemberRegistered } from './staff.events';

const spec = DeciderSpecification.for(staffDecider);
const NOW = '2026-03-02T09:00:00+08:00';
const LATER = '2026-03-03T09:00:00+08:00';

const details = { staffId: 'bob', name: 'Bob Li', department: 'technical-service', roles: ['technician'], isDepartmentManager: true };

const register = (data: Partial<RegisterStaffMember['data']> = {}): RegisterStaffMember => ({
  type: 'RegisterStaffMember',
  data: { ...details, ...data },
  metadata: { now: NOW },
});
const update = (data: Partial<UpdateStaffMember['data']> = {}): UpdateStaffMember => ({
  type: 'UpdateStaffMember',
  data: { ...details, ...data },
  metadata: { now: LATER },
});
const markAbsent = (reason: string | null = 'annual leave'): MarkStaffAbsent => ({
  type: 'MarkStaffAbsent',
  data: { staffId: 'bob', reason },
  metadata: { now: LATER },
});
const markPresent = (): MarkStaffPresent => ({ type: 'MarkStaffPresent', data: { staffId: 'bob' }, metadata: { now: LATER } });

const registered: StaffMemberRegistered = { type: 'StaffMemberRegistered', data: { ...details, registeredAt: NOW } };
const absent: StaffMemberMarkedAbsent = {
  type: 'StaffMemberMarkedAbsent',
  data: { staffId: 'bob', reason: 'annual leave', absentSince: LATER },
};

describe('staff decider', () => {
  it('SD-3 registers a staff member as responsible manager of a department', () => {
    const state = spec.when(register()).then([registered]);
    expect(state).toMatchObject({ status: 'active', department: 'technical-service', isDepartmentManager: true, absent: false });
  });

  it('SD-3 registration defaults to no roles and not a manager, de-duplicating roles', () => {
    spec
      .when(register({ roles: undefined, isDepartmentManager: undefined }))
      .then([{ type: 'StaffMemberRegistered', data: { ...details, roles: [], isDepartmentManager: false, registeredAt: NOW } }]);
    spec
      .when(register({ roles: ['technician', ' technician '] }))
      .then([registered]);
  });

  it('SD-4 the general manager is a staff member with the general-manager role', () => {
    const state = spec.when(register({ roles: ['general-manager'] })).then([
      { type: 'StaffMemberRegistered', data: { ...details, roles: ['general-manager'], registeredAt: NOW } },
    ]);
    expect(state.status === 'active' && isGeneralManager(state)).toBe(true);
  });

  it.each(['staffId', 'name', 'department'] as const)('SD-3 refuses a staff member without %s', (field) => {
    expect(spec.when(register({ [field]: ' ' })).thenThrows('SD-3')).toMatchObject({ kind: 'invalid', field });
  });

  it('SD-3 refuses registering the same staff member twice', () => {
    expect(spec.given([registered]).when(register()).thenThrows('SD-3').kind).toBe('conflict');
  });

  it('SD-3 updates a staff member department and manager flag', () => {
    const state = spec
      .given([registered])
      .when(update({ department: 'network', isDepartmentManager: false }))
      .then([{ type: 'StaffMemberUpdated', data: { ...details, department: 'network', isDepartmentManager: false, updatedAt: LATER } }]);
    expect(state).toMatchObject({ department: 'network', isDepartmentManager: false });
  });

  it('SD-3 an update without changes records nothing', () => {
    spec.given([registered]).when(update()).then([]);
  });

  it('SD-3 refuses updating a staff member that does not exist', () => {
    expect(spec.when(update()).thenThrows('SD-3').kind).toBe('not-found');
  });

  it('SD-3 staff member can be marked absent', () => {
    const state = spec.given([registered]).when(markAbsent()).then([absent]);
    expect(state).toMatchObject({ absent: true, absentSince: LATER, absenceReason: 'annual leave' });
  });

  it('SD-3 marking an absent staff member absent again records nothing', () => {
    spec.given([registered, absent]).when(markAbsent()).then([]);
  });

  it('SD-3 staff member can be marked present again', () => {
    const state = spec
      .given([registered, absent])
      .when(markPresent())
      .then([{ type: 'StaffMemberMarkedPresent', data: { staffId: 'bob', presentSince: LATER } }]);
    expect(state).toMatchObject({ absent: false, absentSince: null, absenceReason: null });
  });

  it('SD-3 marking a present staff member present records nothing', () => {
    spec.given([registered]).when(markPresent()).then([]);
  });

  it('SD-3 refuses marking an unknown staff member absent', () => {
    expect(spec.when(markAbsent()).thenThrows('SD-3').kind).toBe('not-found');
  });
});
