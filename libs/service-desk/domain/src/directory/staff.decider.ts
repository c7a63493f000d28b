import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireBoolean, requireText, textList } from '@ebp/shared-kernel';
import type { StaffCommand, StaffDetails } from './staff.commands';
import type { StaffEvent, StaffEventDetails } from './staff.events';

// Staff reference data exists to route transfers (SD-3) and escalations (SD-4).
const RULE = 'SD-3';

/** Role naming the general manager, who receives major tickets (SD-4). */
export const GENERAL_MANAGER_ROLE = 'general-manager';

export interface StaffMember extends StaffEventDetails {
  status: 'active';
  absent: boolean;
  absentSince: string | null;
  absenceReason: string | null;
}

export type StaffState = { status: 'none' } | StaffMember;

export const initialStaffState = (): StaffState => ({ status: 'none' });

export const isGeneralManager = (staff: Pick<StaffMember, 'roles'>): boolean => staff.roles.includes(GENERAL_MANAGER_ROLE);

function details(data: StaffDetails & { staffId: string }): StaffEventDetails {
  return {
    staffId: requireText(data.staffId, 'staffId', RULE),
    name: requireText(data.name, 'name', RULE),
    department: requireText(data.department, 'department', RULE),
    roles: textList(data.roles, 'roles', RULE),
    isDepartmentManager: requireBoolean(data.isDepartmentManager ?? false, 'isDepartmentManager', RULE),
  };
}

function existing(state: StaffState, staffId: string): StaffMember {
  if (state.status === 'none' || state.staffId !== staffId) {
    throw new DomainError(RULE, `staff member ${staffId} does not exist`, 'not-found', 'staffId');
  }
  return state;
}

const sameDetails = (a: StaffEventDetails, b: StaffEventDetails): boolean =>
  a.name === b.name &&
  a.department === b.department &&
  a.isDepartmentManager === b.isDepartmentManager &&
  a.roles.length === b.roles.length &&
  a.roles.every((r, i) => r === b.roles[i]);

export function decideStaff(command: StaffCommand, state: StaffState): StaffEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterStaffMember': {
      const d = details(command.data);
      if (state.status !== 'none') {
        throw new DomainError(RULE, `staff member ${d.staffId} is already registered`, 'conflict', 'staffId');
      }
      return [{ type: 'StaffMemberRegistered', data: { ...d, registeredAt: now } }];
    }
    case 'UpdateStaffMember': {
      const staff = existing(state, command.data.staffId);
      const d = details(command.data);
      return sameDetails(staff, d) ? [] : [{ type: 'StaffMemberUpdated', data: { ...d, updatedAt: now } }];
    }
    case 'MarkStaffAbsent': {
      const staff = existing(state, command.data.staffId);
      const reason = optionalText(command.data.reason, 'reason', RULE);
      // Marking twice is a retry, not a conflict.
      if (staff.absent) return [];
      return [{ type: 'StaffMemberMarkedAbsent', data: { staffId: staff.staffId, reason, absentSince: now } }];
    }
    case 'MarkStaffPresent': {
      const staff = existing(state, command.data.staffId);
      if (!staff.absent) return [];
      return [{ type: 'StaffMemberMarkedPresent', data: { staffId: staff.staffId, presentSince: now } }];
    }
    default:
      return assertNever(command);
  }
}

const pickDetails = (d: StaffEventDetails): StaffEventDetails => ({
  staffId: d.staffId,
  name: d.name,
  department: d.department,
  roles: d.roles,
  isDepartmentManager: d.isDepartmentManager,
});

export function evolveStaff(state: StaffState, event: StaffEvent): StaffState {
  switch (event.type) {
    case 'StaffMemberRegistered':
      return { status: 'active', ...pickDetails(event.data), absent: false, absentSince: null, absenceReason: null };
    case 'StaffMemberUpdated':
      if (state.status === 'none') return state;
      return { ...state, ...pickDetails(event.data) };
    case 'StaffMemberMarkedAbsent':
      if (state.status === 'none') return state;
      return { ...state, absent: true, absentSince: event.data.absentSince, absenceReason: event.data.reason };
    case 'StaffMemberMarkedPresent':
      if (state.status === 'none') return state;
      return { ...state, absent: false, absentSince: null, absenceReason: null };
    default:
      return assertNever(event);
  }
}

export const staffDecider: Decider<StaffState, StaffCommand, StaffEvent> = {
  initialState: initialStaffState,
  decide: decideStaff,
  evolve: evolveStaff,
};
