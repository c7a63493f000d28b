import type { DomainCommand } from '@ebp/shared-kernel';
import type { MonitoringOutcome } from './duty-roster.events';

/** Reference data about the staff member to put on duty, looked up by the application layer. */
export interface DutyCandidate {
  staffId: string;
  department: string;
  roles: string[];
}

export type AssignHolidayDuty = DomainCommand<
  'AssignHolidayDuty',
  { date: string; staff: DutyCandidate; assignedBy: string }
>;

export type RemoveHolidayDuty = DomainCommand<'RemoveHolidayDuty', { date: string; staffId: string; removedBy: string }>;

export type LogMonitoringCheck = DomainCommand<
  'LogMonitoringCheck',
  {
    /** Supplied by the application layer; reactors derive the problem ticket from the event id. */
    checkId: string;
    date: string;
    customerId: string;
    /** The customer site or website checked. */
    target: string;
    outcome: MonitoringOutcome;
    /** Required when a problem was found. */
    description?: string | null;
    /** The caller; must be on duty that date. */
    checkedBy: string;
  }
>;

export type DutyRosterCommand = AssignHolidayDuty | RemoveHolidayDuty | LogMonitoringCheck;
