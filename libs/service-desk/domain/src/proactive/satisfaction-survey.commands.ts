import type { DomainCommand } from '@ebp/shared-kernel';
import type { SurveyDimension } from './satisfaction-survey.events';

export type RecordSatisfactionSurvey = DomainCommand<
  'RecordSatisfactionSurvey',
  {
    surveyId: string;
    customerId: string;
    projectId?: string | null;
    method: string;
    surveyedAt: string;
    scores: Partial<Record<SurveyDimension, number>>;
    comment?: string | null;
    /** The customer-service or business-dept employee who ran the survey (the actor). */
    surveyedBy: string;
    /** The surveyor's department from the staff register; a follow-up ticket starts there. */
    surveyorDepartment: string;
  }
>;

export type SatisfactionSurveyCommand = RecordSatisfactionSurvey;
