import { toProactiveIntegrationEvent, type ProactiveSourceEvent } from '@ebp/service-desk-contracts';
import { recorded } from '@ebp/shared-eventsourcing/testing';
import { satisfactionSurveyStream } from './proactive.streams';
import type { SatisfactionSurveyRecorded } from './satisfaction-survey.events';

const AT = '2026-03-05T10:00:00+08:00';
const SCORES = { installation: 5, 'system-operation': 4, implementation: 4, 'after-sales-service': 2, training: 5 };

// Compile-time: the published mapping reads the domain event as it really is.
const asSource = (event: SatisfactionSurveyRecorded): ProactiveSourceEvent => event;

describe('proactive integration events', () => {
  it('SD-16 the domain event stays assignable to the contracts source event', () => {
    expect(typeof asSource).toBe('function');
  });

  it('SD-16 maps SatisfactionSurveyRecorded to service-desk.satisfaction-survey-recorded.v1 without the comment', () => {
    const event: SatisfactionSurveyRecorded = {
      type: 'SatisfactionSurveyRecorded',
      data: { surveyId: 's-1', customerId: 'c-1', projectId: null, method: 'fax', surveyedAt: AT, scores: SCORES, comment: 'private', surveyedBy: 'cs-li', surveyorDepartment: 'customer-service', recordedAt: AT },
    };
    const mapped = toProactiveIntegrationEvent(recorded(event, { streamId: satisfactionSurveyStream('s-1'), eventId: 'e-1' }));
    expect(mapped).toMatchObject({ type: 'service-desk.satisfaction-survey-recorded.v1', id: 'e-1', subject: 's-1' });
    expect(mapped?.data).toEqual({ surveyId: 's-1', customerId: 'c-1', projectId: null, method: 'fax', surveyedAt: AT, scores: SCORES, surveyedBy: 'cs-li' });
    expect(toProactiveIntegrationEvent(recorded(event, { streamId: 'service-desk.ticket.x' }))).toBeNull();
  });
});
