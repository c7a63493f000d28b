import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { addDays, inForce, isCalendarDate, requireText, shanghaiDate } from '@ebp/shared-kernel';
import { AGENCY_SUPERVISOR_ROLE } from '../project/project.decider';
import { DEFAULT_PS_POLICIES, type PsPolicies } from '../shared/ps.policy';
import { unitIdParts } from '../shared/streams';
import type { SigningListCommand } from './signing-list.commands';
import type { SigningAppointment, SigningListEvent, SigningListSubmitted } from './signing-list.events';

const RULE = 'PS-6';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const CUSTOMER_ID = /^c-[0-9a-f]{16}$/;

export type SigningListVersion = Omit<SigningListSubmitted['data'], 'projectId' | 'agencyId' | 'date'>;

/** PS-6: one agency's list for one signing day, the latest version in force; earlier versions kept. */
export interface SigningList {
  status: 'submitted';
  projectId: string;
  agencyId: string;
  date: string;
  current: SigningListVersion;
  versions: SigningListVersion[];
}

export type SigningListState = { status: 'none' } | SigningList;

export const initialSigningListState = (): SigningListState => ({ status: 'none' });

/** PS-6: the list for `date` is due at the policy time (17:00) of the day before, Asia/Shanghai. */
export function signingListDueAt(date: string, policies: PsPolicies = DEFAULT_PS_POLICIES): string {
  const dayBefore = addDays(date, -1);
  return `${dayBefore}T${inForce(policies.signingListBy, dayBefore).time}:00+08:00`;
}

function requireAppointments(appointments: readonly SigningAppointment[] | null | undefined, projectId: string): SigningAppointment[] {
  if (!Array.isArray(appointments)) throw new DomainError(RULE, 'appointments must be a list', 'invalid', 'appointments');
  const seen = new Set<string>();
  const list = appointments.map((a, i) => {
    const field = `appointments[${i}]`;
    const unitId = requireText(a?.unitId, `${field}.unitId`, RULE);
    const parts = unitIdParts(unitId);
    if (!parts) throw new DomainError(RULE, `${field}.unitId '${unitId}' is not a unit id <projectId>.<buildingId>.<number>`, 'invalid', `${field}.unitId`);
    if (parts.projectId !== projectId) throw new DomainError(RULE, `${field}.unitId ${unitId} is not in project ${projectId}`, 'invalid', `${field}.unitId`);
    if (seen.has(unitId)) throw new DomainError(RULE, `unit ${unitId} appears twice on the list`, 'invalid', `${field}.unitId`);
    seen.add(unitId);
    const customerId = requireText(a.customerId, `${field}.customerId`, RULE);
    if (!CUSTOMER_ID.test(customerId)) throw new DomainError(RULE, `${field}.customerId '${customerId}' is not a customer id (c- and 16 hex digits)`, 'invalid', `${field}.customerId`);
    const time = requireText(a.time, `${field}.time`, RULE);
    if (!TIME.test(time)) throw new DomainError(RULE, `${field}.time must be HH:MM, got '${time}'`, 'invalid', `${field}.time`);
    return { unitId, customerId, time };
  });
  return list.sort((a, b) => a.time.localeCompare(b.time) || a.unitId.localeCompare(b.unitId));
}

const sameAppointments = (a: readonly SigningAppointment[], b: readonly SigningAppointment[]): boolean =>
  a.length === b.length && a.every((x, i) => x.unitId === b[i].unitId && x.customerId === b[i].customerId && x.time === b[i].time);

export function decideSigningList(command: SigningListCommand, state: SigningListState, policies: PsPolicies = DEFAULT_PS_POLICIES): SigningListEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'SubmitSigningList': {
      const { actor } = command.data;
      const projectId = requireText(command.data.projectId, 'projectId', RULE);
      const agencyId = requireText(command.data.agencyId, 'agencyId', RULE);
      if (!actor.roles.includes(AGENCY_SUPERVISOR_ROLE) || actor.agencyId !== agencyId || actor.agencyRole === 'salesperson') {
        throw new DomainError(RULE, `only a supervisor of agency ${agencyId} submits its signing list`, 'forbidden', 'agencyId');
      }
      const date = command.data.date;
      if (!isCalendarDate(date)) throw new DomainError(RULE, `date must be a calendar date YYYY-MM-DD, got '${date}'`, 'invalid', 'date');
      const today = shanghaiDate(now);
      if (date < today) throw new DomainError(RULE, `the signing day ${date} has passed`, 'rule', 'date');
      const appointments = requireAppointments(command.data.appointments, projectId);
      if (state.status === 'submitted' && sameAppointments(state.current.appointments, appointments)) return [];
      const dueAt = signingListDueAt(date, policies);
      return [
        {
          type: 'SigningListSubmitted',
          data: {
            projectId,
            agencyId,
            date,
            appointments,
            submittedBy: actor.staffId,
            submittedAt: now,
            dueAt,
            late: Date.parse(now) > Date.parse(dueAt),
            version: state.status === 'submitted' ? state.current.version + 1 : 1,
          },
        },
      ];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveSigningList(state: SigningListState, event: SigningListEvent): SigningListState {
  switch (event.type) {
    case 'SigningListSubmitted': {
      const { projectId, agencyId, date, ...version } = event.data;
      const versions = state.status === 'submitted' ? [...state.versions, version] : [version];
      return { status: 'submitted', projectId, agencyId, date, current: version, versions };
    }
    default:
      return assertNever(event.type);
  }
}

export const signingListDecider: Decider<SigningListState, SigningListCommand, SigningListEvent> = {
  initialState: initialSigningListState,
  decide: (command, state) => decideSigningList(command, state),
  evolve: evolveSigningList,
};
