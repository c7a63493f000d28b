import { streamCategory } from '@ebp/shared-eventsourcing';
import { SERVICE_DESK_CONTEXT } from '../shared/context';

export const inspectionStreams = streamCategory(SERVICE_DESK_CONTEXT, 'inspection');
export const satisfactionSurveyStreams = streamCategory(SERVICE_DESK_CONTEXT, 'satisfaction-survey');
export const researchVisitStreams = streamCategory(SERVICE_DESK_CONTEXT, 'research-visit');

export const inspectionStream = (inspectionId: string): string => inspectionStreams.of(inspectionId);
export const satisfactionSurveyStream = (surveyId: string): string => satisfactionSurveyStreams.of(surveyId);
export const researchVisitStream = (visitId: string): string => researchVisitStreams.of(visitId);
