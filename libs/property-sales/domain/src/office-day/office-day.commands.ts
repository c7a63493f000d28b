import type { DomainCommand } from '@ebp/shared-kernel';
import type { PsActor } from '../project/project.commands';
import type { AgencyActor } from '../customer/customer.commands';

interface OfDay {
  projectId: string;
  date: string;
}

/** PS-10: the site manager assigns the duty agency (总值) of the day. `agencyRegistered` from the agency stream. */
export type AssignDutyAgency = DomainCommand<'AssignDutyAgency', OfDay & { agencyId: string; agencyRegistered: boolean; actor: PsActor }>;
/** PS-10: a member of sales staff checks in, now, for their agency (the body names it; membership from the agency stream). */
export type CheckIn = DomainCommand<'CheckIn', OfDay & { agencyId: string; actor: AgencyActor }>;
/** PS-10: the duty agency takes over from the previous day's duty agency. `actor.agencyId` = the caller's agency if it is the duty agency. */
export type HandOverDuty = DomainCommand<'HandOverDuty', OfDay & { fromAgencyId?: string | null; dutyBook: boolean; masterSalesControl: boolean; items: string[]; actor: AgencyActor }>;
export type InspectPremises = DomainCommand<'InspectPremises', OfDay & { area: 'sales-centre' | 'model-unit'; findings: string; actor: AgencyActor }>;
/** PS-10: the day's records to the developer's site supervisor (`siteSupervisorId` from the project stream). */
export type SubmitDayRecords = DomainCommand<'SubmitDayRecords', OfDay & { to: string; siteSupervisorId: string | null; actor: AgencyActor }>;
export type ReconcileSalesControl = DomainCommand<'ReconcileSalesControl', OfDay & { with: string; discrepancies: string[]; siteSupervisorId: string | null; actor: AgencyActor }>;

export type OfficeDayCommand = AssignDutyAgency | CheckIn | HandOverDuty | InspectPremises | SubmitDayRecords | ReconcileSalesControl;
