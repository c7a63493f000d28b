import type { DomainCommand } from '@ebp/shared-kernel';
import type { AgencyActor } from '../customer/customer.commands';
import type { SigningAppointment } from './signing-list.events';

/**
 * PS-6: the agency supervisor submits the signing list of `date` (the signing day) for their agency;
 * a resubmission replaces it as a new version.
 */
export type SubmitSigningList = DomainCommand<'SubmitSigningList', { projectId: string; date: string; agencyId: string; appointments: SigningAppointment[]; actor: AgencyActor }>;

export type SigningListCommand = SubmitSigningList;
