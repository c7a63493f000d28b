/**
 * Stream ids of SD-16. `satisfaction-survey` and `research-visit` carry a dash inside the category,
 * which `categoryOf` does not recognise, so projections and reactors match these prefixes instead.
 */
export const INSPECTION_STREAM_PREFIX = 'service-desk.inspection-';
export const SATISFACTION_SURVEY_STREAM_PREFIX = 'service-desk.satisfaction-survey-';
export const RESEARCH_VISIT_STREAM_PREFIX = 'service-desk.research-visit-';

export const inspectionStream = (inspectionId: string): string => `${INSPECTION_STREAM_PREFIX}${inspectionId}`;
export const satisfactionSurveyStream = (surveyId: string): string => `${SATISFACTION_SURVEY_STREAM_PREFIX}${surveyId}`;
export const researchVisitStream = (visitId: string): string => `${RESEARCH_VISIT_STREAM_PREFIX}${visitId}`;

export const isInspectionStream = (streamId: string): boolean => streamId.startsWith(INSPECTION_STREAM_PREFIX);
export const isSatisfactionSurveyStream = (streamId: string): boolean => streamId.startsWith(SATISFACTION_SURVEY_STREAM_PREFIX);
export const isResearchVisitStream = (streamId: string): boolean => streamId.startsWith(RESEARCH_VISIT_STREAM_PREFIX);
