import type { Reactor } from '@ebp/shared-eventsourcing';
import { clawbackFlagsApplicantReactor } from './reactors/clawback-flags-applicant.reactor';

export * from './shared';
export * from './call';
export * from './applicant';
export * from './application';
export * from './reactors/clawback-flags-applicant.reactor';

/** Subsidy grants' policies over its own events: a clawback flags the applicant (SG-10). */
export const subsidyGrantsReactors: Reactor[] = [clawbackFlagsApplicantReactor];
