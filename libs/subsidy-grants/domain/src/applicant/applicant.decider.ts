import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { requireBoolean, requireOneOf, requireText } from '@ebp/shared-kernel';
import { hasRole, requireRole } from '../shared/actor';
import { isDivisionCode } from '../shared/regions';
import { ID_PATTERN } from '../shared/streams';
import { DECLARATIONS, MAIN_BUSINESSES, type MainBusiness } from '../shared/sg.policy';
import type { ApplicantCommand } from './applicant.commands';
import type { ApplicantEvent, Declarations } from './applicant.events';

const RULE = 'SG-2';

export interface ApplicantFlag {
  applicationId: string;
  clawbackId: string;
  reason: 'fraud' | 'serious-misuse';
  amountFen: number;
  by: string;
  at: string;
}

/** SG-2: the applicant unit's record (passed into SubmitApplication by the application layer). */
export interface Applicant {
  status: 'registered';
  applicantId: string;
  name: string;
  divisionCode: string;
  provincialUnit: boolean;
  independentLegalPerson: boolean;
  mainBusiness: MainBusiness;
  declarations: Declarations;
  registeredBy: string;
  registeredAt: string;
  /** SG-10: clawback flags. */
  flags: ApplicantFlag[];
}

export type ApplicantState = { status: 'none' } | Applicant;

export const initialApplicantState = (): ApplicantState => ({ status: 'none' });

export function decideApplicant(command: ApplicantCommand, state: ApplicantState): ApplicantEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'RegisterApplicant': {
      const d = command.data;
      const applicantId = requireText(d.applicantId, 'applicantId', RULE);
      if (!ID_PATTERN.test(applicantId)) throw new DomainError(RULE, 'applicantId must be letters, digits, _ or -', 'invalid', 'applicantId');
      const self = hasRole(d.actor, 'applicant') && d.actor.applicantId === applicantId;
      if (!self && !hasRole(d.actor, 'provincial-it')) throw new DomainError(RULE, 'an applicant registers itself (or the provincial IT department registers it)', 'forbidden');
      if (state.status === 'registered') throw new DomainError(RULE, `applicant ${applicantId} is already registered`, 'conflict', 'applicantId');
      const name = requireText(d.name, 'name', RULE);
      if (!isDivisionCode(d.divisionCode)) throw new DomainError(RULE, `divisionCode must be a six-digit administrative division code, got '${d.divisionCode}'`, 'invalid', 'divisionCode');
      const declarations = {} as Declarations;
      const given = (d.declarations ?? {}) as Partial<Declarations>;
      for (const key of DECLARATIONS) declarations[key] = requireBoolean(given[key], `declarations.${key}`, RULE);
      return [
        {
          type: 'ApplicantRegistered',
          data: {
            applicantId,
            name,
            divisionCode: d.divisionCode,
            provincialUnit: requireBoolean(d.provincialUnit, 'provincialUnit', RULE),
            independentLegalPerson: requireBoolean(d.independentLegalPerson, 'independentLegalPerson', RULE),
            mainBusiness: requireOneOf(d.mainBusiness, MAIN_BUSINESSES, 'mainBusiness', RULE),
            declarations,
            by: d.actor.userId,
            at: now,
          },
        },
      ];
    }
    case 'FlagApplicant': {
      const d = command.data;
      requireRole(d.actor, 'SG-10', ['provincial-finance'], 'flagging an applicant');
      if (state.status !== 'registered') throw new DomainError('SG-10', `applicant ${d.applicantId} is not registered`, 'not-found', 'applicantId');
      if (state.flags.some((f) => f.clawbackId === d.clawbackId)) throw new DomainError('SG-10', `applicant ${d.applicantId} is already flagged for clawback ${d.clawbackId}`, 'conflict', 'clawbackId');
      const reason = requireOneOf(d.reason, ['fraud', 'serious-misuse'] as const, 'reason', 'SG-10');
      return [
        {
          type: 'ApplicantFlagged',
          data: {
            applicantId: state.applicantId,
            applicationId: requireText(d.applicationId, 'applicationId', 'SG-10'),
            clawbackId: requireText(d.clawbackId, 'clawbackId', 'SG-10'),
            reason,
            amountFen: d.amountFen,
            by: d.actor.userId,
            at: now,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolveApplicant(state: ApplicantState, event: ApplicantEvent): ApplicantState {
  switch (event.type) {
    case 'ApplicantRegistered': {
      if (state.status === 'registered') return state;
      const { by, at, declarations, ...rest } = event.data;
      return { status: 'registered', ...rest, declarations: { ...declarations }, registeredBy: by, registeredAt: at, flags: [] };
    }
    case 'ApplicantFlagged': {
      if (state.status !== 'registered') return state;
      const { applicationId, clawbackId, reason, amountFen, by, at } = event.data;
      return { ...state, flags: [...state.flags, { applicationId, clawbackId, reason, amountFen, by, at }] };
    }
    default:
      return assertNever(event);
  }
}

/** SG-2 / SG-10: the applicant's decider. */
export const applicantDecider: Decider<ApplicantState, ApplicantCommand, ApplicantEvent> = {
  initialState: initialApplicantState,
  decide: decideApplicant,
  evolve: evolveApplicant,
};
