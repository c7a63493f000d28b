import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { CloseResearchVisit, OpenResearchVisit, RecordVisitFeedback } from './research-visit.commands';
import { researchVisitDecider } from './research-visit.decider';
import type { ResearchVisitClosed, ResearchVisitOpened, VisitFeedbackRecorded } from './research-visit.events';

const spec = DeciderSpecification.for(researchVisitDecider);
const T0 = '2026-03-02T09:00:00+08:00';
const T1 = '2026-03-02T11:00:00+08:00';
const T2 = '2026-03-02T15:00:00+08:00';

const openVisit = (data: Partial<OpenResearchVisit['data']> = {}): OpenResearchVisit => ({
  type: 'OpenResearchVisit',
  data: { visitId: 'v-1', customerId: 'c-1', visitedAt: T0, leaderId: 'gm-wu', leaderRoles: ['general-manager'], leaderDepartment: 'management', ...data },
  metadata: { now: T0 },
});
const opened: ResearchVisitOpened = {
  type: 'ResearchVisitOpened',
  data: { visitId: 'v-1', customerId: 'c-1', visitedAt: T0, leaderId: 'gm-wu', leaderDepartment: 'management', openedAt: T0 },
};
const recordFeedback = (data: Partial<RecordVisitFeedback['data']> = {}): RecordVisitFeedback => ({
  type: 'RecordVisitFeedback',
  data: { visitId: 'v-1', feedbackId: 'f-1', kind: 'complaint', text: 'Invoices arrive late', recordedBy: 'gm-wu', recorderDepartment: 'management', ...data },
  metadata: { now: T1 },
});
const feedbackRecorded: VisitFeedbackRecorded = {
  type: 'VisitFeedbackRecorded',
  data: {
    visitId: 'v-1',
    feedbackId: 'f-1',
    customerId: 'c-1',
    kind: 'complaint',
    text: 'Invoices arrive late',
    recordedBy: 'gm-wu',
    recorderDepartment: 'management',
    recordedAt: T1,
  },
};
const closeVisit = (data: Partial<CloseResearchVisit['data']> = {}): CloseResearchVisit => ({
  type: 'CloseResearchVisit',
  data: { visitId: 'v-1', summary: 'Billing is the main pain', solutionPlan: 'Monthly e-invoices from April', closedBy: 'gm-wu', ...data },
  metadata: { now: T2 },
});
const closed: ResearchVisitClosed = {
  type: 'ResearchVisitClosed',
  data: { visitId: 'v-1', summary: 'Billing is the main pain', solutionPlan: 'Monthly e-invoices from April', closedBy: 'gm-wu', closedAt: T2 },
};

describe('research visit decider', () => {
  it('SD-16 a general manager or business-dept lead opens a research visit', () => {
    spec.when(openVisit()).then([opened]);
    spec.when(openVisit({ leaderRoles: ['business-dept'] })).then([opened]);
  });

  it('SD-16 refuses a visit not led by senior management', () => {
    expect(spec.when(openVisit({ leaderRoles: ['customer-service'] })).thenThrows('SD-16').kind).toBe('forbidden');
  });

  it('SD-16 refuses opening the same visit twice, or a visit in the future', () => {
    expect(spec.given([opened]).when(openVisit()).thenThrows('SD-16').kind).toBe('conflict');
    expect(spec.when(openVisit({ visitedAt: '2026-03-03T09:00:00+08:00' })).thenThrows('SD-16').field).toBe('visitedAt');
  });

  it('SD-16 records opinions, suggestions and complaints on an open visit', () => {
    spec.given([opened]).when(recordFeedback()).then([feedbackRecorded]);
    spec
      .given([opened])
      .when(recordFeedback({ kind: 'suggestion' }))
      .then([{ ...feedbackRecorded, data: { ...feedbackRecorded.data, kind: 'suggestion' } }]);
  });

  it('SD-16 refuses feedback of an unknown kind, without text, twice, or on an unknown visit', () => {
    expect(spec.given([opened]).when(recordFeedback({ kind: 'praise' })).thenThrows('SD-16').field).toBe('kind');
    expect(spec.given([opened]).when(recordFeedback({ text: '' })).thenThrows('SD-16').field).toBe('text');
    expect(spec.given([opened, feedbackRecorded]).when(recordFeedback()).thenThrows('SD-16').kind).toBe('conflict');
    expect(spec.when(recordFeedback()).thenThrows('SD-16').kind).toBe('not-found');
  });

  it('SD-16 closes a visit with a summary and a solution plan', () => {
    spec.given([opened, feedbackRecorded]).when(closeVisit()).then([closed]);
  });

  it('SD-16 refuses closing without summary or solution plan', () => {
    expect(spec.given([opened]).when(closeVisit({ summary: ' ' })).thenThrows('SD-16').field).toBe('summary');
    expect(spec.given([opened]).when(closeVisit({ solutionPlan: '' })).thenThrows('SD-16').field).toBe('solutionPlan');
  });

  it('SD-16 refuses feedback or closing after the visit is closed', () => {
    expect(spec.given([opened, closed]).when(recordFeedback()).thenThrows('SD-16').kind).toBe('conflict');
    expect(spec.given([opened, closed]).when(closeVisit()).thenThrows('SD-16').kind).toBe('conflict');
  });
});
