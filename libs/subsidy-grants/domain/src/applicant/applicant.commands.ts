import type { DomainCommand } from '@ebp/shared-kernel';
import type { SgActor } from '../shared/actor';
import type { MainBusiness } from '../shared/sg.policy';
import type { Declarations } from './applicant.events';

/** SG-2: the unit registers itself (or the provincial IT department registers it). */
export type RegisterApplicant = DomainCommand<
  'RegisterApplicant',
  {
    applicantId: string;
    name: string;
    divisionCode: string;
    provincialUnit: boolean;
    independentLegalPerson: boolean;
    mainBusiness: MainBusiness;
    declarations: Declarations;
    actor: SgActor;
  }
>;
/** SG-10: flag the applicant after a clawback (issued by clawbackFlagsApplicantReactor, or by provincial finance). */
export type FlagApplicant = DomainCommand<
  'FlagApplicant',
  { applicantId: string; applicationId: string; clawbackId: string; reason: 'fraud' | 'serious-misuse'; amountFen: number; actor: SgActor }
>;

export type ApplicantCommand = RegisterApplicant | FlagApplicant;
