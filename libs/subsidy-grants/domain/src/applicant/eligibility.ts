import { shanghaiDate } from '@ebp/shared-kernel';
import type { SgFailure } from '../shared/errors';
import { regionFailure, type RegionFailure } from '../shared/regions';
import { DECLARATIONS, DEFAULT_SG_POLICIES, type Declaration, type SgPolicies } from '../shared/sg.policy';
import type { Applicant } from './applicant.decider';

const REGION_MESSAGES: Record<RegionFailure, string> = {
  'division-code-invalid': 'the registered region is not a six-digit administrative division code',
  'outside-zhejiang': 'the unit is not registered within Zhejiang province',
  'unknown-prefecture': 'the division code is no Zhejiang prefecture (3301 … 3311)',
  'ningbo-excluded': 'units registered in Ningbo (3302xx) are excluded from the fund',
};

const DECLARATION_MESSAGES: Record<Declaration, string> = {
  equipment: 'no technical equipment declared',
  staff: 'no professional technical staff declared',
  qualityAssurance: 'no quality assurance declared',
  premises: 'no dedicated premises declared',
  clearOwnership: 'clear ownership not declared',
  financialManagement: 'sound internal financial management not declared',
  goodCredit: 'good performance and credit not declared',
};

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * SG-2 (第四条) and SG-10: **every** condition the applicant fails, each with a stable code; empty
 * when eligible. A clawback flag (SG-10) makes the applicant ineligible.
 */
export function eligibilityOf(applicant: Applicant, asOf: string = applicant.registeredAt, policies: SgPolicies = DEFAULT_SG_POLICIES): SgFailure[] {
  const failures: SgFailure[] = [];
  const date = asOf.length > 10 ? shanghaiDate(asOf) : asOf;
  const region = regionFailure(applicant.divisionCode, date, policies);
  if (region) failures.push({ rule: 'SG-2', code: region, message: REGION_MESSAGES[region], field: 'divisionCode' });
  if (!applicant.independentLegalPerson) failures.push({ rule: 'SG-2', code: 'not-independent-legal-person', message: 'the unit is no independent legal person', field: 'independentLegalPerson' });
  if (applicant.mainBusiness !== 'software' && applicant.mainBusiness !== 'information-services') {
    failures.push({ rule: 'SG-2', code: 'main-business', message: 'the main business is neither software nor information services', field: 'mainBusiness' });
  }
  for (const declaration of DECLARATIONS) {
    if (applicant.declarations[declaration] !== true) {
      failures.push({ rule: 'SG-2', code: `declaration-${kebab(declaration)}`, message: DECLARATION_MESSAGES[declaration], field: `declarations.${declaration}` });
    }
  }
  for (const flag of applicant.flags) {
    failures.push({ rule: 'SG-10', code: 'flagged', message: `flagged after clawback ${flag.clawbackId} on application ${flag.applicationId} (${flag.reason}) on ${shanghaiDate(flag.at)}` });
  }
  return failures;
}

export const isEligible = (applicant: Applicant, asOf?: string, policies?: SgPolicies): boolean => eligibilityOf(applicant, asOf, policies).length === 0;
