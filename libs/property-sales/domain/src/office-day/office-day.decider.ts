import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { addDays, inForce, isCalendarDate, optionalText, requireBoolean, requireOneOf, requireText, shanghaiDate, textList } from '@ebp/shared-kernel';
import type { AgencyActor } from '../customer/customer.commands';
import { AGENCY_SUPERVISOR_ROLE, SALESPERSON_ROLE, SITE_MANAGER_ROLE } from '../project/project.decider';
import { DEFAULT_PS_POLICIES, type PsPolicies } from '../shared/ps.policy';
import type { OfficeDayCommand } from './office-day.commands';
import type { DayRecordsSubmitted, DutyHandedOver, OfficeDayEvent, PremisesInspected, SalesControlReconciled, StaffCheckedIn } from './office-day.events';

const RULE = 'PS-10';

export type PremisesArea = PremisesInspected['data']['area'];
export const PREMISES_AREAS: readonly PremisesArea[] = ['sales-centre', 'model-unit'];

type Without<T> = Omit<T, 'projectId' | 'date'>;

/** PS-10: one sales-office day of a project as recorded. */
export interface OfficeDayState {
  projectId: string | null;
  date: string | null;
  dutyAgency: { agencyId: string; by: string; at: string } | null;
  /** In order of arrival; one per member of staff (the first). */
  checkIns: Without<StaffCheckedIn['data']>[];
  handover: Without<DutyHandedOver['data']> | null;
  inspections: Without<PremisesInspected['data']>[];
  dayRecords: Without<DayRecordsSubmitted['data']> | null;
  reconciliation: Without<SalesControlReconciled['data']> | null;
}

export const initialOfficeDayState = (): OfficeDayState => ({
  projectId: null,
  date: null,
  dutyAgency: null,
  checkIns: [],
  handover: null,
  inspections: [],
  dayRecords: null,
  reconciliation: null,
});

/** The instant of a local time (HH:MM) on a Shanghai calendar date. */
export const localInstant = (date: string, time: string): string => `${date}T${time}:00+08:00`;

const after = (instant: string, deadline: string): boolean => Date.parse(instant) > Date.parse(deadline);
const atOrAfter = (instant: string, deadline: string): boolean => Date.parse(instant) >= Date.parse(deadline);

/** PS-10's deadlines of a day (policy in force that day). */
export function officeDayDeadlines(date: string, policies: PsPolicies = DEFAULT_PS_POLICIES) {
  const p = inForce(policies.officeDay, date);
  return {
    /** Attendance by 08:45: a check-in after it is late. */
    attendanceBy: localInstant(date, p.attendanceBy),
    /** Positions at 09:00: the duty agency has taken over by then. */
    positionsAt: localInstant(date, p.positionsAt),
    /** The day's records before 12:00: at or after it they are late. */
    dayRecordsBefore: localInstant(date, p.dayRecordsBefore),
    /** Reconciliation before leaving: by the end of the day. */
    endOfDay: `${addDays(date, 1)}T00:00:00+08:00`,
  };
}

/** `inAdvance`: the duty roster may be set before the day; everything else happens on it. */
function requireDay(state: OfficeDayState, projectId: string, date: string, now: string, inAdvance = false): void {
  requireText(projectId, 'projectId', RULE);
  if (!isCalendarDate(date)) throw new DomainError(RULE, `date must be a calendar date YYYY-MM-DD, got '${date}'`, 'invalid', 'date');
  if (state.projectId !== null && (state.projectId !== projectId || state.date !== date)) throw new Error(`office day ${state.projectId}/${state.date} asked about ${projectId}/${date}`);
  if (!inAdvance && shanghaiDate(now) < date) throw new DomainError(RULE, `the office day ${date} has not begun`, 'rule', 'date');
}

/** The duty agency's member acting: refused when no duty agency is assigned or the caller is not one of its staff. */
function requireDutyAgency(state: OfficeDayState, actor: AgencyActor, what: string): string {
  if (!state.dutyAgency) throw new DomainError(RULE, `no duty agency is assigned for the day: the site manager assigns one before the ${what}`, 'rule');
  const isStaff = actor.roles.includes(SALESPERSON_ROLE) || actor.roles.includes(AGENCY_SUPERVISOR_ROLE);
  if (!isStaff || actor.agencyId !== state.dutyAgency.agencyId) {
    throw new DomainError(RULE, `only the duty agency ${state.dutyAgency.agencyId}'s staff record the ${what}`, 'forbidden');
  }
  return state.dutyAgency.agencyId;
}

function requireSiteSupervisor(value: string, field: string, siteSupervisorId: string | null): string {
  const to = requireText(value, field, RULE);
  if (siteSupervisorId !== null && to !== siteSupervisorId) throw new DomainError(RULE, `${field} must be the project's site supervisor ${siteSupervisorId}`, 'invalid', field);
  return to;
}

export function decideOfficeDay(command: OfficeDayCommand, state: OfficeDayState, policies: PsPolicies = DEFAULT_PS_POLICIES): OfficeDayEvent[] {
  const now = command.metadata.now;
  const { projectId, date } = command.data;
  requireDay(state, projectId, date, now, command.type === 'AssignDutyAgency');
  const day = { projectId, date };
  const deadlines = officeDayDeadlines(date, policies);
  switch (command.type) {
    case 'AssignDutyAgency': {
      const { actor } = command.data;
      if (!actor.roles.includes(SITE_MANAGER_ROLE)) throw new DomainError(RULE, "only the developer's site manager assigns the duty agency", 'forbidden');
      const agencyId = requireText(command.data.agencyId, 'agencyId', RULE);
      if (!command.data.agencyRegistered) throw new DomainError(RULE, `agency ${agencyId} is not registered`, 'not-found', 'agencyId');
      if (state.dutyAgency?.agencyId === agencyId) return [];
      if (state.handover) throw new DomainError(RULE, `agency ${state.handover.toAgencyId} has already taken over the duty of ${date}`, 'conflict', 'agencyId');
      return [{ type: 'DutyAgencyAssigned', data: { ...day, agencyId, by: actor.staffId, at: now } }];
    }
    case 'CheckIn': {
      const { actor } = command.data;
      const agencyId = requireText(command.data.agencyId, 'agencyId', RULE);
      const isStaff = actor.roles.includes(SALESPERSON_ROLE) || actor.roles.includes(AGENCY_SUPERVISOR_ROLE);
      if (!isStaff) throw new DomainError(RULE, "only an agency's sales staff check in for the office day", 'forbidden');
      if (actor.agencyId !== agencyId) throw new DomainError(RULE, `${actor.staffId} is no member of agency ${agencyId}: staff check in for their own agency`, 'forbidden', 'agencyId');
      if (shanghaiDate(now) !== date) throw new DomainError(RULE, `a check-in is for today (${shanghaiDate(now)}), not ${date}`, 'rule', 'date');
      if (state.checkIns.some((c) => c.staffId === actor.staffId)) return [];
      return [{ type: 'StaffCheckedIn', data: { ...day, staffId: actor.staffId, agencyId, at: now, late: after(now, deadlines.attendanceBy) } }];
    }
    case 'HandOverDuty': {
      const toAgencyId = requireDutyAgency(state, command.data.actor, 'handover');
      const fromAgencyId = optionalText(command.data.fromAgencyId, 'fromAgencyId', RULE);
      if (fromAgencyId === toAgencyId) throw new DomainError(RULE, 'the duty agency takes over from the previous day\'s duty agency, not from itself', 'invalid', 'fromAgencyId');
      const dutyBook = requireBoolean(command.data.dutyBook, 'dutyBook', RULE);
      const masterSalesControl = requireBoolean(command.data.masterSalesControl, 'masterSalesControl', RULE);
      const items = textList(command.data.items, 'items', RULE);
      if (state.handover) throw new DomainError(RULE, `the duty of ${date} was already handed over at ${state.handover.at}`, 'conflict');
      return [{ type: 'DutyHandedOver', data: { ...day, fromAgencyId, toAgencyId, dutyBook, masterSalesControl, items, by: command.data.actor.staffId, at: now } }];
    }
    case 'InspectPremises': {
      requireDutyAgency(state, command.data.actor, 'inspection');
      const area = requireOneOf(command.data.area, PREMISES_AREAS, 'area', RULE);
      const findings = requireText(command.data.findings, 'findings', RULE);
      const earlier = state.inspections.find((i) => i.area === area);
      if (earlier) throw new DomainError(RULE, `the ${area} was already inspected at ${earlier.at}`, 'conflict', 'area');
      return [{ type: 'PremisesInspected', data: { ...day, area, findings, by: command.data.actor.staffId, at: now } }];
    }
    case 'SubmitDayRecords': {
      requireDutyAgency(state, command.data.actor, "day's records");
      const to = requireSiteSupervisor(command.data.to, 'to', command.data.siteSupervisorId);
      if (state.dayRecords) throw new DomainError(RULE, `the day's records were already submitted at ${state.dayRecords.at}`, 'conflict');
      return [{ type: 'DayRecordsSubmitted', data: { ...day, to, by: command.data.actor.staffId, at: now, late: atOrAfter(now, deadlines.dayRecordsBefore) } }];
    }
    case 'ReconcileSalesControl': {
      requireDutyAgency(state, command.data.actor, 'reconciliation');
      const withWhom = requireSiteSupervisor(command.data.with, 'with', command.data.siteSupervisorId);
      const discrepancies = textList(command.data.discrepancies, 'discrepancies', RULE);
      if (state.reconciliation) throw new DomainError(RULE, `sales control was already reconciled at ${state.reconciliation.at}`, 'conflict');
      return [{ type: 'SalesControlReconciled', data: { ...day, with: withWhom, discrepancies, by: command.data.actor.staffId, at: now } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveOfficeDay(state: OfficeDayState, event: OfficeDayEvent): OfficeDayState {
  const { projectId, date, ...rest } = event.data;
  const s = { ...state, projectId, date };
  switch (event.type) {
    case 'DutyAgencyAssigned': {
      const d = event.data;
      return { ...s, dutyAgency: { agencyId: d.agencyId, by: d.by, at: d.at } };
    }
    case 'StaffCheckedIn':
      return state.checkIns.some((c) => c.staffId === event.data.staffId) ? s : { ...s, checkIns: [...state.checkIns, rest as OfficeDayState['checkIns'][number]] };
    case 'DutyHandedOver':
      return { ...s, handover: rest as NonNullable<OfficeDayState['handover']> };
    case 'PremisesInspected':
      return { ...s, inspections: [...state.inspections, rest as OfficeDayState['inspections'][number]] };
    case 'DayRecordsSubmitted':
      return { ...s, dayRecords: rest as NonNullable<OfficeDayState['dayRecords']> };
    case 'SalesControlReconciled':
      return { ...s, reconciliation: rest as NonNullable<OfficeDayState['reconciliation']> };
    default:
      return assertNever(event);
  }
}

export const officeDayDecider: Decider<OfficeDayState, OfficeDayCommand, OfficeDayEvent> = {
  initialState: initialOfficeDayState,
  decide: (command, state) => decideOfficeDay(command, state),
  evolve: evolveOfficeDay,
};
