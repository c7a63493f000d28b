import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { isCalendarDate, optionalText, requireOneOf, requireText, shanghaiDate, statutoryHolidayOn } from '@ebp/shared-kernel';
import { onOfficialCalendar } from '../shared/official-calendar.refusal';
import type { AssignHolidayDuty, DutyCandidate, DutyRosterCommand, LogMonitoringCheck, RemoveHolidayDuty } from './duty-roster.commands';
import { MONITORING_OUTCOMES, type DutyRosterEvent } from './duty-roster.events';

const RULE = 'SD-15';

/** Department and role that keep the holiday duty roster. */
export const DUTY_DEPARTMENT = 'customer-service';

export interface DutyRoster {
  year: number | null;
  /** Staff on duty per holiday date. */
  onDuty: Record<string, string[]>;
  checkIds: string[];
}

export const initialDutyRosterState = (): DutyRoster => ({ year: null, onDuty: {}, checkIds: [] });

/** A valid date of the roster's year (one roster stream per year). */
function rosterDate(value: string, state: DutyRoster): { date: string; year: number } {
  const date = requireText(value, 'date', RULE);
  if (!isCalendarDate(date)) throw new DomainError(RULE, `date must be YYYY-MM-DD, got '${date}'`, 'invalid', 'date');
  const year = Number(date.slice(0, 4));
  if (state.year !== null && state.year !== year) {
    throw new DomainError(RULE, `date ${date} is not in the ${state.year} roster`, 'invalid', 'date');
  }
  return { date, year };
}

const isOnDuty = (state: DutyRoster, date: string, staffId: string): boolean => (state.onDuty[date] ?? []).includes(staffId);

const isCustomerService = (staff: DutyCandidate): boolean =>
  staff.department === DUTY_DEPARTMENT || (staff.roles ?? []).includes(DUTY_DEPARTMENT);

function assign(command: AssignHolidayDuty, state: DutyRoster): DutyRosterEvent[] {
  const d = command.data;
  const { date, year } = rosterDate(d.date, state);
  const holiday = onOfficialCalendar(RULE, 'date', () => statutoryHolidayOn(date));
  if (!holiday) throw new DomainError(RULE, `${date} is not a statutory holiday`, 'rule', 'date');
  const staffId = requireText(d.staff?.staffId, 'staffId', RULE);
  if (!isCustomerService(d.staff)) {
    throw new DomainError(RULE, `${staffId} is not customer service staff`, 'rule', 'staffId');
  }
  if (isOnDuty(state, date, staffId)) throw new DomainError(RULE, `${staffId} is already on duty on ${date}`, 'conflict', 'staffId');
  return [
    {
      type: 'HolidayDutyAssigned',
      data: { year, date, holiday: holiday.name, staffId, assignedBy: requireText(d.assignedBy, 'assignedBy', RULE), assignedAt: command.metadata.now },
    },
  ];
}

function remove(command: RemoveHolidayDuty, state: DutyRoster): DutyRosterEvent[] {
  const d = command.data;
  const { date, year } = rosterDate(d.date, state);
  const staffId = requireText(d.staffId, 'staffId', RULE);
  if (!isOnDuty(state, date, staffId)) throw new DomainError(RULE, `${staffId} is not on duty on ${date}`, 'not-found', 'staffId');
  return [
    {
      type: 'HolidayDutyRemoved',
      data: { year, date, staffId, removedBy: requireText(d.removedBy, 'removedBy', RULE), removedAt: command.metadata.now },
    },
  ];
}

function logCheck(command: LogMonitoringCheck, state: DutyRoster): DutyRosterEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const { date, year } = rosterDate(d.date, state);
  const checkId = requireText(d.checkId, 'checkId', RULE);
  if (state.checkIds.includes(checkId)) throw new DomainError(RULE, `check ${checkId} is already logged`, 'conflict', 'checkId');
  if (date > shanghaiDate(now)) throw new DomainError(RULE, `cannot log a check for ${date}, which is still ahead`, 'rule', 'date');
  const checkedBy = requireText(d.checkedBy, 'checkedBy', RULE);
  if (!isOnDuty(state, date, checkedBy)) {
    throw new DomainError(RULE, `${checkedBy} is not on holiday duty on ${date}`, 'forbidden', 'date');
  }
  const outcome = requireOneOf(d.outcome, MONITORING_OUTCOMES, 'outcome', RULE);
  const description = outcome === 'problem' ? requireText(d.description, 'description', RULE) : optionalText(d.description, 'description', RULE);
  return [
    {
      type: 'MonitoringCheckLogged',
      data: {
        year,
        checkId,
        date,
        customerId: requireText(d.customerId, 'customerId', RULE),
        target: requireText(d.target, 'target', RULE),
        outcome,
        description,
        checkedBy,
        checkedAt: now,
      },
    },
  ];
}

function decide(command: DutyRosterCommand, state: DutyRoster): DutyRosterEvent[] {
  switch (command.type) {
    case 'AssignHolidayDuty':
      return assign(command, state);
    case 'RemoveHolidayDuty':
      return remove(command, state);
    case 'LogMonitoringCheck':
      return logCheck(command, state);
    default:
      return assertNever(command);
  }
}

function evolve(state: DutyRoster, event: DutyRosterEvent): DutyRoster {
  switch (event.type) {
    case 'HolidayDutyAssigned': {
      const { date, staffId, year } = event.data;
      return { ...state, year, onDuty: { ...state.onDuty, [date]: [...(state.onDuty[date] ?? []), staffId] } };
    }
    case 'HolidayDutyRemoved': {
      const { date, staffId, year } = event.data;
      return { ...state, year, onDuty: { ...state.onDuty, [date]: (state.onDuty[date] ?? []).filter((s) => s !== staffId) } };
    }
    case 'MonitoringCheckLogged':
      return { ...state, year: event.data.year, checkIds: [...state.checkIds, event.data.checkId] };
    default:
      return assertNever(event);
  }
}

/** SD-15: the holiday duty roster of one year and its monitoring log. */
export const dutyRosterDecider: Decider<DutyRoster, DutyRosterCommand, DutyRosterEvent> = {
  initialState: initialDutyRosterState,
  decide,
  evolve,
};
