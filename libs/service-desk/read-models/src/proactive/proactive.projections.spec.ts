import type { DomainEvent } from '@ebp/shared-eventsourcing';
import { ProjectionSpecification, recorded } from '@ebp/shared-eventsourcing/testing';
import {
  inspectionStream,
  researchVisitStream,
  satisfactionSurveyStream,
  type InspectionRecorded,
  type ResearchVisitEvent,
  type SatisfactionSurveyRecorded,
  type SurveyScores,
} from '@ebp/service-desk-domain';
import {
  inspectionProjection,
  researchVisitProjection,
  satisfactionSurveyProjection,
  type SatisfactionSurveyView,
} from './proactive.projections';
import { dimensionStats, projectInspections, satisfactionStats } from './proactive.queries';

const T0 = '2026-03-02T09:00:00+08:00';
const SCORES: SurveyScores = { installation: 5, 'system-operation': 4, implementation: 4, 'after-sales-service': 3, training: 5 };

const inspection = (id: string, inspectedAt: string): InspectionRecorded => ({
  type: 'InspectionRecorded',
  data: {
    inspectionId: id,
    projectId: 'p-1',
    customerId: 'c-1',
    inspectorId: 'pm-zhao',
    inspectorDepartment: 'projects',
    inspectedAt,
    recordedAt: inspectedAt,
    findings: [{ description: 'UPS battery swollen', severity: 'high' }],
  },
});

const survey = (id: string, scores: SurveyScores, surveyedAt = T0): SatisfactionSurveyRecorded => ({
  type: 'SatisfactionSurveyRecorded',
  data: {
    surveyId: id,
    customerId: 'c-1',
    projectId: null,
    method: 'phone',
    surveyedAt,
    scores,
    comment: null,
    surveyedBy: 'cs-li',
    surveyorDepartment: 'customer-service',
    recordedAt: surveyedAt,
  },
});

describe('proactive projections', () => {
  it('SD-16 an inspection lists its findings with the ticket each one opened', () => {
    const event = recorded<DomainEvent>(inspection('i-1', T0), { streamId: inspectionStream('i-1'), eventId: 'e-1' });
    const docs = ProjectionSpecification.for(inspectionProjection).given([event]).then({});
    expect(docs['i-1']).toEqual(
      expect.objectContaining({ projectId: 'p-1', inspectedDate: '2026-03-02', findings: [{ description: 'UPS battery swollen', severity: 'high', ticketId: 'inspection-e-1-1' }] }),
    );
  });

  it('SD-16 a survey keeps its Shanghai date, low dimensions and follow-up ticket', () => {
    const low = recorded<DomainEvent>(survey('s-1', { ...SCORES, training: 2 }, '2026-03-01T17:30:00Z'), { streamId: satisfactionSurveyStream('s-1'), eventId: 'e-2' });
    const fine = recorded<DomainEvent>(survey('s-2', SCORES), { streamId: satisfactionSurveyStream('s-2'), eventId: 'e-3' });
    const docs = ProjectionSpecification.for(satisfactionSurveyProjection).given([low, fine]).then({});
    expect(docs['s-1']).toEqual(expect.objectContaining({ surveyedDate: '2026-03-02', lowDimensions: ['training'], followUpTicketId: 'survey-e-2' }));
    expect(docs['s-2']).toEqual(expect.objectContaining({ lowDimensions: [], followUpTicketId: null }));
  });

  it('SD-16 a research visit collects feedback, complaint tickets and its closing summary', () => {
    const stream = researchVisitStream('v-1');
    const events: ResearchVisitEvent[] = [
      { type: 'ResearchVisitOpened', data: { visitId: 'v-1', customerId: 'c-1', visitedAt: T0, leaderId: 'gm-wu', leaderDepartment: 'management', openedAt: T0 } },
      {
        type: 'VisitFeedbackRecorded',
        data: { visitId: 'v-1', feedbackId: 'f-1', customerId: 'c-1', kind: 'opinion', text: 'Good', recordedBy: 'gm-wu', recorderDepartment: 'management', recordedAt: T0 },
      },
      {
        type: 'VisitFeedbackRecorded',
        data: { visitId: 'v-1', feedbackId: 'f-2', customerId: 'c-1', kind: 'complaint', text: 'Late invoices', recordedBy: 'gm-wu', recorderDepartment: 'management', recordedAt: T0 },
      },
      { type: 'ResearchVisitClosed', data: { visitId: 'v-1', summary: 'Billing', solutionPlan: 'E-invoices', closedBy: 'gm-wu', closedAt: T0 } },
    ];
    const docs = ProjectionSpecification.for(researchVisitProjection)
      .given(events.map((e, i) => recorded<DomainEvent>(e, { streamId: stream, eventId: `v-e${i}` })))
      .then({});
    expect(docs['v-1']).toEqual(
      expect.objectContaining({ status: 'closed', complaints: 1, summary: 'Billing', solutionPlan: 'E-invoices', closedBy: 'gm-wu' }),
    );
    expect(docs['v-1']?.feedback.map((f) => f.ticketId)).toEqual([null, 'visit-v-e2']);
  });

  it('SD-16 events of other streams are ignored', () => {
    const foreign = recorded<DomainEvent>(inspection('i-9', T0), { streamId: 'service-desk.ticket.x' });
    ProjectionSpecification.for(inspectionProjection).given([foreign]).then({ 'i-9': null });
  });
});

describe('proactive queries', () => {
  const view = (id: string, inspectedAt: string, inspectedDate: string) => ({
    inspectionId: id,
    projectId: 'p-1',
    customerId: 'c-1',
    inspectorId: 'pm-zhao',
    inspectedAt,
    inspectedDate,
    recordedAt: inspectedAt,
    findings: [],
  });

  it('SD-16 the next inspection is due three months after the latest one; past it the project is overdue', () => {
    const items = [view('i-1', '2026-01-05T09:00:00+08:00', '2026-01-05'), view('i-2', '2026-03-02T09:00:00+08:00', '2026-03-02')];
    expect(projectInspections('p-1', items, '2026-05-01')).toEqual(
      expect.objectContaining({ lastInspectionDate: '2026-03-02', nextDueDate: '2026-06-02', status: 'current' }),
    );
    expect(projectInspections('p-1', items, '2026-06-03').status).toBe('overdue');
    expect(projectInspections('p-1', items, '2026-05-01').inspections.map((i) => i.inspectionId)).toEqual(['i-2', 'i-1']);
    expect(projectInspections('p-2', [], '2026-05-01')).toEqual({ projectId: 'p-2', inspections: [], lastInspectionDate: null, nextDueDate: null, status: 'never-inspected' });
  });

  it('SD-16 dimension statistics: count, mean, min, max and distribution', () => {
    expect(dimensionStats([2, 4, 5, 4])).toEqual({ count: 4, mean: 3.75, min: 2, max: 5, distribution: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 } });
    expect(dimensionStats([])).toEqual({ count: 0, mean: null, min: null, max: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });

  it('SD-16 period statistics cover every dimension and count follow-ups', () => {
    const surveys = [
      { ...SCORES, training: 2 },
      { ...SCORES, installation: 3 },
    ].map(
      (scores, i): SatisfactionSurveyView => ({
        surveyId: `s-${i}`,
        customerId: 'c-1',
        projectId: null,
        method: 'phone',
        surveyedAt: T0,
        surveyedDate: '2026-03-02',
        scores,
        comment: null,
        surveyedBy: 'cs-li',
        lowDimensions: scores.training <= 2 ? ['training'] : [],
        followUpTicketId: scores.training <= 2 ? 'survey-x' : null,
      }),
    );
    const stats = satisfactionStats('2026-03-01', '2026-03-31', surveys);
    expect(stats.surveys).toBe(2);
    expect(stats.followUps).toBe(1);
    expect(stats.dimensions.training).toEqual(expect.objectContaining({ count: 2, mean: 3.5, min: 2, max: 5 }));
    expect(stats.dimensions.installation).toEqual(expect.objectContaining({ mean: 4, min: 3, max: 5 }));
    expect(Object.keys(stats.dimensions)).toEqual(['installation', 'system-operation', 'implementation', 'after-sales-service', 'training']);
  });
});
