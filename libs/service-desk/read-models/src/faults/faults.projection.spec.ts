import { ProjectionSpecification, recorded, resetRecorded } from '@ebp/shared-eventsourcing/testing';
import { collaborationStream, faultStream, type CollaborationEvent, type FaultEvent } from '@ebp/service-desk-domain';
import { collaborationProjection } from './collaboration.projection';
import { faultProjection, type FaultView } from './fault.projection';
import { withAnalysisStatus } from './faults.queries';

const T0 = '2026-09-30T09:00:00.000+08:00';
const onFault = (event: FaultEvent) => recorded(event, { streamId: faultStream('f-1'), occurredAt: T0, actor: { userId: 'ts-wang', roles: [] } });
const onCase = (event: CollaborationEvent) =>
  recorded(event, { streamId: collaborationStream('co-1'), occurredAt: T0, actor: { userId: 'cs-li', roles: [] } });

const reported: FaultEvent = {
  type: 'FaultReported',
  data: {
    faultId: 'f-1',
    reportedBy: 'cs-li',
    reportedAt: T0,
    occurredAt: T0,
    location: 'plant',
    symptoms: 'down',
    contingencyPlan: 'manual',
    customerId: 'c-1',
    projectId: 'p-1',
    businessSignerId: 'bd-xu',
    managerInChargeId: 'ts-wang',
    notified: ['bd-xu', 'ts-wang'],
  },
};
const progress: FaultEvent = { type: 'FaultProgressRecorded', data: { faultId: 'f-1', recordedBy: 'ts-chen', recordedAt: T0, note: 'on site' } };
const resolved: FaultEvent = { type: 'FaultResolved', data: { faultId: 'f-1', resolvedBy: 'ts-wang', resolvedAt: T0, analysisDueOn: '2026-10-10' } };
const filed: FaultEvent = {
  type: 'FaultAnalysisFiled',
  data: {
    faultId: 'f-1',
    filedBy: 'ts-wang',
    filedAt: T0,
    impact: 'i',
    handling: 'h',
    rootCause: 'r',
    correctiveMeasures: 'c',
    preventiveMeasures: 'p',
    deliveredTo: ['customer:c-1', 'department:business-dept'],
    late: false,
  },
};

describe('faults read models', () => {
  beforeEach(() => resetRecorded());

  it('SD-14 the fault view keeps progress history and derives the analysis status as of a date', () => {
    const docs = ProjectionSpecification.for(faultProjection).given([onFault(reported), onFault(progress), onFault(resolved)]).then({});
    const view = docs['f-1'] as FaultView;
    expect(view).toMatchObject({ status: 'resolved', notified: ['bd-xu', 'ts-wang'], analysisDueOn: '2026-10-10', revision: 2 });
    expect(view.progress).toEqual([{ at: T0, by: 'ts-chen', note: 'on site' }]);
    expect(view.history.map((h) => h.type)).toEqual(['FaultReported', 'FaultProgressRecorded', 'FaultResolved']);
    expect(withAnalysisStatus(view, '2026-10-09').analysisStatus).toBe('pending');
    expect(withAnalysisStatus(view, '2026-10-12').analysisStatus).toBe('overdue');
    const analysed = ProjectionSpecification.for(faultProjection).given([onFault(reported), onFault(resolved), onFault(filed)]).then({})['f-1'] as FaultView;
    expect(withAnalysisStatus(analysed, '2026-10-12')).toMatchObject({ status: 'analysed', analysisStatus: 'filed', analysis: { rootCause: 'r' } });
  });

  it('SD-13 the collaboration view shows a dispute blocking until the Office rules', () => {
    const opened: CollaborationEvent = {
      type: 'CollaborationOpened',
      data: {
        collaborationId: 'co-1',
        openedBy: 'cs-li',
        openedAt: T0,
        subject: 's',
        requestingDepartment: 'customer-service',
        cooperatingDepartments: ['technical-service'],
        supervisingDepartment: 'customer-service',
      },
    };
    const raised: CollaborationEvent = { type: 'DisputeRaised', data: { collaborationId: 'co-1', disputeId: 'd-1', raisedBy: 'ts-chen', raisedAt: T0, description: 'x' } };
    const ruled: CollaborationEvent = { type: 'DisputeRuled', data: { collaborationId: 'co-1', disputeId: 'd-1', ruledBy: 'off-sun', ruledAt: T0, ruling: 'r' } };
    const spec = ProjectionSpecification.for(collaborationProjection);
    expect(spec.given([onCase(opened), onCase(raised)]).then({})['co-1']).toMatchObject({ blocked: true });
    resetRecorded();
    expect(spec.given([onCase(opened), onCase(raised), onCase(ruled)]).then({})['co-1']).toMatchObject({
      blocked: false,
      disputes: [{ disputeId: 'd-1', ruling: { ruledBy: 'off-sun', ruling: 'r' } }],
    });
  });
});
