import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { inForce, isCalendarDate, requireOneOf, shanghaiDate } from '@ebp/shared-kernel';
import { requireRole } from '../shared/actor';
import { DEFAULT_SG_POLICIES, SG_CATEGORIES, SG_FORMS, type SgCategory, type SgForm, type SgPolicies } from '../shared/sg.policy';
import type { CallCommand } from './call.commands';
import type { CallEvent } from './call.events';

const RULE = 'SG-1';

/** SG-1: the call as the application deciders need it (loaded by the application layer and passed in). */
export interface FundingCall {
  status: 'open';
  year: number;
  categories: SgCategory[];
  form: SgForm;
  submissionDeadline: string;
  completionDeadline: string;
  budgetFen: number | null;
  openedBy: string;
  openedAt: string;
}

export type CallState = { status: 'none' } | FundingCall;

export const initialCallState = (): CallState => ({ status: 'none' });

function deadline(value: string | null | undefined, fallback: string, field: string): string {
  if (value === null || value === undefined || value === '') return fallback;
  if (!isCalendarDate(value)) throw new DomainError(RULE, `${field} must be a YYYY-MM-DD date, got '${value}'`, 'invalid', field);
  return value;
}

export function decideCall(command: CallCommand, state: CallState, policies: SgPolicies = DEFAULT_SG_POLICIES): CallEvent[] {
  const now = command.metadata.now;
  switch (command.type) {
    case 'OpenCall': {
      const d = command.data;
      requireRole(d.actor, RULE, ['provincial-it', 'provincial-finance'], 'opening a funding call');
      if (!Number.isInteger(d.year) || d.year < 2000 || d.year > 2100) throw new DomainError(RULE, 'year must be a whole year 2000–2100', 'invalid', 'year');
      if (state.status === 'open') throw new DomainError(RULE, `the call of ${d.year} is already open: one call per year`, 'conflict', 'year');
      const form = requireOneOf(d.form, SG_FORMS, 'form', RULE);
      const defaults = inForce(policies.deadlines, shanghaiDate(now));
      const submissionDeadline = deadline(d.submissionDeadline, `${d.year}-${defaults.submission}`, 'submissionDeadline');
      const completionDeadline = deadline(d.completionDeadline, `${d.year}-${defaults.completion}`, 'completionDeadline');
      if (completionDeadline < submissionDeadline) throw new DomainError(RULE, `completionDeadline ${completionDeadline} is before submissionDeadline ${submissionDeadline}`, 'invalid', 'completionDeadline');
      const budgetFen = d.budgetFen ?? null;
      if (budgetFen !== null && (!Number.isSafeInteger(budgetFen) || budgetFen <= 0)) throw new DomainError(RULE, 'budgetFen must be a positive whole number of fen', 'invalid', 'budgetFen');
      return [{ type: 'CallOpened', data: { year: d.year, categories: [...SG_CATEGORIES], form, submissionDeadline, completionDeadline, budgetFen, by: d.actor.userId, at: now } }];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveCall(state: CallState, event: CallEvent): CallState {
  switch (event.type) {
    case 'CallOpened': {
      if (state.status === 'open') return state;
      const { by, at, ...rest } = event.data;
      return { status: 'open', ...rest, categories: [...rest.categories], openedBy: by, openedAt: at };
    }
    default:
      return assertNever(event.type);
  }
}

export const callDeciderWith = (policies: SgPolicies): Decider<CallState, CallCommand, CallEvent> => ({
  initialState: initialCallState,
  decide: (command, state) => decideCall(command, state, policies),
  evolve: evolveCall,
});

/** SG-1: the call's decider (the policies of DEFAULT_SG_POLICIES). */
export const callDecider = callDeciderWith(DEFAULT_SG_POLICIES);
