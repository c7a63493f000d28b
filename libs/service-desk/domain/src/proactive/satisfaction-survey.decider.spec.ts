import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { RecordSatisfactionSurvey } from './satisfaction-survey.commands';
import { satisfactionSurveyDecider } from './satisfaction-survey.decider';
import type { SatisfactionSurveyRecorded } from './satisfaction-survey.events';

const spec = DeciderSpecification.for(satisfactionSurveyDecider);
const T0 = '2026-03-02T09:00:00+08:00';
const NOW = '2026-03-02T17:00:00+08:00';
const SCORES = { installation: 5, 'system-operation': 4, implementation: 4, 'after-sales-service': 3, training: 5 };

const recordSurvey = (data: Partial<RecordSatisfactionSurvey['data']> = {}): RecordSatisfactionSurvey => ({
  type: 'RecordSatisfactionSurvey',
  data: {
    surveyId: 's-1',
    customerId: 'c-1',
    projectId: null,
    method: 'phone',
    surveyedAt: T0,
    scores: SCORES,
    surveyedBy: 'cs-li',
    surveyorDepartment: 'customer-service',
    ...data,
  },
  metadata: { now: NOW },
});

const recorded: SatisfactionSurveyRecorded = {
  type: 'SatisfactionSurveyRecorded',
  data: {
    surveyId: 's-1',
    customerId: 'c-1',
    projectId: null,
    method: 'phone',
    surveyedAt: T0,
    scores: SCORES,
    comment: null,
    surveyedBy: 'cs-li',
    surveyorDepartment: 'customer-service',
    recordedAt: NOW,
  },
};

describe('satisfaction survey decider', () => {
  it('SD-16 records a survey scoring the five dimensions 1–5', () => {
    spec.when(recordSurvey()).then([recorded]);
  });

  it('SD-16 keeps the optional project and comment', () => {
    spec
      .when(recordSurvey({ projectId: 'p-1', comment: ' slow training ' }))
      .then([{ ...recorded, data: { ...recorded.data, projectId: 'p-1', comment: 'slow training' } }]);
  });

  it('SD-16 refuses recording the same survey twice', () => {
    expect(spec.given([recorded]).when(recordSurvey()).thenThrows('SD-16').kind).toBe('conflict');
  });

  it('SD-16 refuses an unknown survey method', () => {
    expect(spec.when(recordSurvey({ method: 'telegram' })).thenThrows('SD-16').field).toBe('method');
  });

  it.each([0, 6, 2.5])('SD-16 refuses a score of %p', (score) => {
    expect(spec.when(recordSurvey({ scores: { ...SCORES, training: score } })).thenThrows('SD-16').field).toBe('scores.training');
  });

  it('SD-16 refuses a survey missing a dimension or all scores', () => {
    const partial = Object.fromEntries(Object.entries(SCORES).filter(([dimension]) => dimension !== 'implementation')) as Omit<typeof SCORES, 'implementation'>;
    expect(spec.when(recordSurvey({ scores: partial })).thenThrows('SD-16').field).toBe('scores.implementation');
    expect(spec.when(recordSurvey({ scores: undefined as unknown as RecordSatisfactionSurvey['data']['scores'] })).thenThrows('SD-16').field).toBe('scores');
  });

  it('SD-16 refuses a survey dated in the future or without customer', () => {
    expect(spec.when(recordSurvey({ surveyedAt: '2026-03-03T09:00:00+08:00' })).thenThrows('SD-16').field).toBe('surveyedAt');
    expect(spec.when(recordSurvey({ customerId: ' ' })).thenThrows('SD-16').field).toBe('customerId');
  });
});
