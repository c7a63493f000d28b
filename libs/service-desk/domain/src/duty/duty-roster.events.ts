import type { DomainEvent } from '@ebp/shared-eventsourcing';

export const MONITORING_OUTCOMES = ['ok', 'problem'] as const;
export type MonitoringOutcome = (typeof MONITORING_OUTCOMES)[number];

export type HolidayDutyAssigned = DomainEvent<
  'HolidayDutyAssigned',
  { year: number; date: string; holiday: string; staffId: string; assignedBy: string; assignedAt: string }
>;

export type HolidayDutyRemoved = DomainEvent<
  'HolidayDutyRemoved',
  { year: number; date: string; staffId: string; removedBy: string; removedAt: string }
>;

export type MonitoringCheckLogged = DomainEvent<
  'MonitoringCheckLogged',
  {
    year: number;
    checkId: string;
    date: string;
    customerId: string;
    target: string;
    outcome: MonitoringOutcome;
    description: string | null;
    checkedBy: string;
    checkedAt: string;
  }
>;

export type DutyRosterEvent = HolidayDutyAssigned | HolidayDutyRemoved | MonitoringCheckLogged;
