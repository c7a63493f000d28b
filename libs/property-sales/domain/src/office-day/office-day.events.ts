import type { DomainEvent } from '@ebp/shared-eventsourcing';

interface OfDay {
  projectId: string;
  date: string;
}

/** PS-10: the agency on duty (总值) that day, set by the site manager. */
export type DutyAgencyAssigned = DomainEvent<'DutyAgencyAssigned', OfDay & { agencyId: string; by: string; at: string }>;
/** PS-10: morning attendance; late after the policy time (08:45). An agency's first arrival orders the 09:00 positions. */
export type StaffCheckedIn = DomainEvent<'StaffCheckedIn', OfDay & { staffId: string; agencyId: string; at: string; late: boolean }>;
/** PS-10: the duty agency takes over from the previous day's. */
export type DutyHandedOver = DomainEvent<
  'DutyHandedOver',
  OfDay & { fromAgencyId: string | null; toAgencyId: string; dutyBook: boolean; masterSalesControl: boolean; items: string[]; by: string; at: string }
>;
/** PS-10: the sales-centre and model-unit inspection. */
export type PremisesInspected = DomainEvent<'PremisesInspected', OfDay & { area: 'sales-centre' | 'model-unit'; findings: string; by: string; at: string }>;
/** PS-10: the day's records to the developer's site supervisor; late at or after 12:00 (policy). */
export type DayRecordsSubmitted = DomainEvent<'DayRecordsSubmitted', OfDay & { to: string; by: string; at: string; late: boolean }>;
/** PS-10: sales control reconciled with the site supervisor before leaving. */
export type SalesControlReconciled = DomainEvent<'SalesControlReconciled', OfDay & { with: string; discrepancies: string[]; by: string; at: string }>;

export type OfficeDayEvent = DutyAgencyAssigned | StaffCheckedIn | DutyHandedOver | PremisesInspected | DayRecordsSubmitted | SalesControlReconciled;
