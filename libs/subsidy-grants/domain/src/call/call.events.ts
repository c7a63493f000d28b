import type { DomainEvent } from '@ebp/shared-eventsourcing';
import type { SgCategory, SgForm } from '../shared/sg.policy';

/** SG-1: the year's funding call: the five categories, the form and the deadlines (Asia/Shanghai dates). */
export type CallOpened = DomainEvent<
  'CallOpened',
  {
    year: number;
    categories: SgCategory[];
    form: SgForm;
    submissionDeadline: string;
    completionDeadline: string;
    budgetFen: number | null;
    by: string;
    at: string;
  }
>;

export type CallEvent = CallOpened;
