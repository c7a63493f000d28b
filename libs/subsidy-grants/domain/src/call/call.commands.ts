import type { DomainCommand } from '@ebp/shared-kernel';
import type { SgActor } from '../shared/actor';
import type { SgForm } from '../shared/sg.policy';

/** SG-1: open the call of a year; deadlines default to the policy's (30 June, 31 December of that year). */
export type OpenCall = DomainCommand<
  'OpenCall',
  { year: number; form: SgForm; submissionDeadline?: string | null; completionDeadline?: string | null; budgetFen?: number | null; actor: SgActor }
>;

export type CallCommand = OpenCall;
