import type { DomainEvent } from '@ebp/shared-eventsourcing';
import type { Declaration, MainBusiness } from '../shared/sg.policy';

export type Declarations = Record<Declaration, boolean>;

/** SG-2: an applicant unit's record as declared (an ineligible one is recorded too; its applications are refused). */
export type ApplicantRegistered = DomainEvent<
  'ApplicantRegistered',
  {
    applicantId: string;
    name: string;
    divisionCode: string;
    provincialUnit: boolean;
    independentLegalPerson: boolean;
    mainBusiness: MainBusiness;
    declarations: Declarations;
    by: string;
    at: string;
  }
>;
/** SG-10: a clawback for fraud or serious misuse flags the applicant; later applications see it. */
export type ApplicantFlagged = DomainEvent<
  'ApplicantFlagged',
  { applicantId: string; applicationId: string; clawbackId: string; reason: 'fraud' | 'serious-misuse'; amountFen: number; by: string; at: string }
>;

export type ApplicantEvent = ApplicantRegistered | ApplicantFlagged;
