import type { DomainEvent } from '@ebp/shared-eventsourcing';

export const SURVEY_METHODS = ['phone', 'letter', 'on-site', 'fax', 'email'] as const;
export type SurveyMethod = (typeof SURVEY_METHODS)[number];

export const SURVEY_DIMENSIONS = ['installation', 'system-operation', 'implementation', 'after-sales-service', 'training'] as const;
export type SurveyDimension = (typeof SURVEY_DIMENSIONS)[number];

export type SurveyScores = Record<SurveyDimension, number>;

export type SatisfactionSurveyRecorded = DomainEvent<
  'SatisfactionSurveyRecorded',
  {
    surveyId: string;
    customerId: string;
    projectId: string | null;
    method: SurveyMethod;
    surveyedAt: string;
    scores: SurveyScores;
    comment: string | null;
    surveyedBy: string;
    surveyorDepartment: string;
    recordedAt: string;
  }
>;

export type SatisfactionSurveyEvent = SatisfactionSurveyRecorded;
