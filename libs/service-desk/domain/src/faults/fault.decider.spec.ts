import { CALENDAR_COVERAGE } from '@ebp/shared-kernel';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { FaultActor, FaultCommand } from './fault.commands';
import { faultDecider } from './fault.decider';
import type { FaultEvent, FaultReported, FaultResolved } from './fault.events';
import { faultAnalysisDueOn, faultAnalysisStatus } from './fault-analysis.policy';

const spec = DeciderSpecification.for(faultDecider);

const T0 = '2026-09-30T08:00:00+08:00';
const T1 = '2026-09-30T09:00:00+08:00';
const T2 = '2026-09-30T15:00:00+08:00';
const manager: FaultActor = { staffId: 'ts-wang', roles: ['technical-service'], department: 'technical-service', isDepartmentManager: true };
const engineer: FaultActor = { staffId: 'ts-chen', roles: ['technical-service'], department: 'technical-service' };
const clerk: FaultActor = { staffId: 'cs-li', roles: ['customer-service'], department: 'customer-service' };
const gm: FaultActor = { staffId: 'gm', roles: ['general-manager'], department: 'management', isDepartmentManager: true };

const command = <C extends FaultCommand>(type: C['type'], data: Partial<C['data']>, now = T2): C =>
  ({ type, data: { faultId: 'f-1', actor: manager, ...data }, metadata: { now } }) as C;

const reported: FaultReported = {
  type: 'FaultReported',
  data: {
    faultId: 'f-1',
    reportedBy: 'cs-li',
    reportedAt: T1,
    occurredAt: T0,
    location: 'Qingchun plant',
    symptoms: 'SCADA down',
    contingencyPlan: 'manual operation',
    customerId: 'c-1',
    projectId: 'p-1',
    businessSignerId: 'bd-xu',
    managerInChargeId: 'ts-wang',
    notified: ['bd-xu', 'ts-wang'],
  },
};
const resolved: FaultResolved = {
  type: 'FaultResolved',
  data: { faultId: 'f-1', resolvedBy: 'ts-wang', resolvedAt: T2, analysisDueOn: '2026-10-10' },
};
const analysis = {
  impact: 'plant on manual for 6h',
  handling: 'replaced PLC',
  rootCause: 'power surge',
  correctiveMeasures: 'new UPS',
  preventiveMeasures: 'quarterly UPS test',
};
const analysed: FaultEvent = {
  type: 'FaultAnalysisFiled',
  data: { faultId: 'f-1', filedBy: 'ts-wang', filedAt: T2, ...analysis, deliveredTo: ['customer:c-1', 'department:business-dept'], late: false },
};

describe('fault decider', () => {
  it('SD-14 the first employee informed reports the fault; the business signer and the manager in charge are notified', () => {
    const report = {
      type: 'ReportFault' as const,
      data: {
        faultId: 'f-1',
        reportedBy: 'cs-li',
        occurredAt: T0,
        location: 'Qingchun plant',
        symptoms: 'SCADA down',
        contingencyPlan: 'manual operation',
        customerId: 'c-1',
        projectId: 'p-1',
        businessSignerId: 'bd-xu',
        managerInChargeId: 'ts-wang',
      },
      metadata: { now: T1 },
    };
    spec.when(report).then([reported]);
    expect(spec.when({ ...report, data: { ...report.data, contingencyPlan: ' ' } }).thenThrows('SD-14').field).toBe('contingencyPlan');
    expect(spec.given([reported]).when(report).thenThrows('SD-14').kind).toBe('conflict');
  });

  it('SD-14 the manager in charge acknowledges and informs top leadership; others are forbidden', () => {
    spec.given([reported]).when(command('AcknowledgeFault', {})).then([
      { type: 'FaultAcknowledged', data: { faultId: 'f-1', acknowledgedBy: 'ts-wang', acknowledgedAt: T2 } },
    ]);
    expect(spec.given([reported]).when(command('AcknowledgeFault', { actor: engineer })).thenThrows('SD-14').kind).toBe('forbidden');
    spec.given([reported]).when(command('EscalateToLeadership', { generalManagerId: 'gm' })).then([
      { type: 'FaultEscalatedToLeadership', data: { faultId: 'f-1', escalatedBy: 'ts-wang', escalatedAt: T2, generalManagerId: 'gm', note: null } },
    ]);
    expect(spec.given([reported]).when(command('EscalateToLeadership', { actor: clerk, generalManagerId: 'gm' })).thenThrows('SD-14').kind).toBe('forbidden');
    spec.given([reported]).when(command('EscalateToLeadership', { actor: gm, generalManagerId: 'gm' })).then([
      { type: 'FaultEscalatedToLeadership', data: { faultId: 'f-1', escalatedBy: 'gm', escalatedAt: T2, generalManagerId: 'gm', note: null } },
    ]);
  });

  it('SD-14 progress is tracked by the manager in charge or technical service', () => {
    spec.given([reported]).when(command('RecordFaultProgress', { actor: engineer, note: 'on site' })).then([
      { type: 'FaultProgressRecorded', data: { faultId: 'f-1', recordedBy: 'ts-chen', recordedAt: T2, note: 'on site' } },
    ]);
    expect(spec.given([reported]).when(command('RecordFaultProgress', { actor: clerk, note: 'x' })).thenThrows('SD-14').kind).toBe('forbidden');
  });

  it('SD-14 analysis is due 3 working days after resolution, over the National Day 2026 holiday', () => {
    // Resolved 30 Sep; 1–7 Oct are holidays, 8, 9 and the make-up Saturday 10 Oct are working days.
    spec.given([reported]).when(command('ResolveFault', { resolvedAt: T2 })).then([resolved]);
    expect(faultAnalysisDueOn('2026-09-30T15:00:00+08:00')).toBe('2026-10-10');
    expect(faultAnalysisStatus('2026-10-10', false, '2026-10-10')).toBe('pending');
    expect(faultAnalysisStatus('2026-10-10', false, '2026-10-11')).toBe('overdue');
    expect(faultAnalysisStatus('2026-10-10', true, '2026-10-11')).toBe('filed');
    expect(faultAnalysisStatus(null, false, '2026-10-11')).toBeNull();
  });

  it('SD-14 the analysis deadline follows the policy version in force on the resolution date', () => {
    const policies = {
      faultAnalysisDue: [
        { effectiveFrom: '2000-01-01', value: { workingDays: 3 } },
        { effectiveFrom: '2026-10-01', value: { workingDays: 5 } },
      ],
    };
    expect(faultAnalysisDueOn('2026-09-30T15:00:00+08:00', policies)).toBe('2026-10-10');
    expect(faultAnalysisDueOn('2026-10-12T15:00:00+08:00', policies)).toBe('2026-10-19');
  });

  it('SD-14 refuses a resolution whose analysis due date the official calendar does not cover, naming resolvedAt', () => {
    // Three working days after the last covered New Year's Eve fall in a year the pinned calendar does not know.
    const resolvedAt = `${CALENDAR_COVERAGE.lastYear}-12-31T15:00:00+08:00`;
    const refusal = spec.given([reported]).when(command('ResolveFault', { resolvedAt }, resolvedAt)).thenThrows('SD-14');
    expect(refusal.kind).toBe('rule');
    expect(refusal.field).toBe('resolvedAt');
    expect(refusal.message).toContain(CALENDAR_COVERAGE.to);
  });

  it('SD-14 resolution is refused to staff outside technical service who are not the manager in charge', () => {
    expect(spec.given([reported]).when(command('ResolveFault', { actor: clerk })).thenThrows('SD-14').kind).toBe('forbidden');
    expect(spec.given([reported, resolved]).when(command('ResolveFault', {})).thenThrows('SD-14').kind).toBe('conflict');
  });

  it('SD-14 the technical service supervisor files the analysis report, delivered to the customer and the business department', () => {
    spec.given([reported, resolved]).when(command('FileFaultAnalysis', analysis)).then([analysed]);
    const late = spec.given([reported, resolved]).when(command('FileFaultAnalysis', analysis, '2026-10-12T09:00:00+08:00'));
    expect(late.then([{ ...analysed, data: { ...analysed.data, filedAt: '2026-10-12T09:00:00+08:00', late: true } } as FaultEvent])).toMatchObject({ status: 'analysed' });
  });

  it('SD-14 the analysis report needs every section and a technical service supervisor', () => {
    for (const field of Object.keys(analysis)) {
      expect(spec.given([reported, resolved]).when(command('FileFaultAnalysis', { ...analysis, [field]: '' })).thenThrows('SD-14').field).toBe(field);
    }
    expect(spec.given([reported, resolved]).when(command('FileFaultAnalysis', { ...analysis, actor: engineer })).thenThrows('SD-14').kind).toBe('forbidden');
    expect(spec.given([reported]).when(command('FileFaultAnalysis', analysis)).thenThrows('SD-14').kind).toBe('conflict');
  });

  it('SD-14 a fault cannot be closed without its analysis report', () => {
    const refusal = spec.given([reported, resolved]).when(command('CloseFault', {})).thenThrows('SD-14');
    expect(refusal.kind).toBe('rule');
    expect(refusal.message).toContain('analysis');
    spec.given([reported, resolved, analysed]).when(command('CloseFault', {})).then([
      { type: 'FaultClosed', data: { faultId: 'f-1', closedBy: 'ts-wang', closedAt: T2, customerId: 'c-1', projectId: 'p-1' } },
    ]);
    expect(spec.given([reported, resolved, analysed]).when(command('CloseFault', { actor: clerk })).thenThrows('SD-14').kind).toBe('forbidden');
  });

  it('SD-14 commands on an unknown fault are refused as not found', () => {
    expect(spec.when(command('AcknowledgeFault', {})).thenThrows('SD-14').kind).toBe('not-found');
  });
});
