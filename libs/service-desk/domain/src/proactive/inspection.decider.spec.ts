import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { RecordInspection } from './inspection.commands';
import { inspectionDecider } from './inspection.decider';
import type { InspectionRecorded } from './inspection.events';
import { nextInspectionDue } from './inspection.policy';

const spec = DeciderSpecification.for(inspectionDecider);
const T0 = '2026-03-02T09:00:00+08:00';
const NOW = '2026-03-02T17:00:00+08:00';

const recordInspection = (data: Partial<RecordInspection['data']> = {}): RecordInspection => ({
  type: 'RecordInspection',
  data: {
    inspectionId: 'i-1',
    projectId: 'p-1',
    customerId: 'c-1',
    inspectorId: 'pm-zhao',
    inspectorDepartment: 'projects',
    inspectedAt: T0,
    findings: [{ description: 'UPS battery swollen', severity: 'high' }],
    ...data,
  },
  metadata: { now: NOW },
});

const recorded: InspectionRecorded = {
  type: 'InspectionRecorded',
  data: {
    inspectionId: 'i-1',
    projectId: 'p-1',
    customerId: 'c-1',
    inspectorId: 'pm-zhao',
    inspectorDepartment: 'projects',
    inspectedAt: T0,
    recordedAt: NOW,
    findings: [{ description: 'UPS battery swollen', severity: 'high' }],
  },
};

describe('inspection decider', () => {
  it('SD-16 a project manager records an inspection with its findings', () => {
    spec.when(recordInspection({ findings: [{ description: '  UPS battery swollen ', severity: 'high' }] })).then([recorded]);
  });

  it('SD-16 an inspection without findings is recorded too', () => {
    spec.when(recordInspection({ findings: [] })).then([{ ...recorded, data: { ...recorded.data, findings: [] } }]);
  });

  it('SD-16 refuses recording the same inspection twice', () => {
    expect(spec.given([recorded]).when(recordInspection()).thenThrows('SD-16').kind).toBe('conflict');
  });

  it('SD-16 refuses a finding without description or with an unknown severity', () => {
    expect(spec.when(recordInspection({ findings: [{ description: ' ', severity: 'high' }] })).thenThrows('SD-16').field).toBe('findings[0].description');
    expect(spec.when(recordInspection({ findings: [{ description: 'x', severity: 'urgent' }] })).thenThrows('SD-16').field).toBe('findings[0].severity');
  });

  it('SD-16 refuses an inspection dated in the future or without an offset', () => {
    expect(spec.when(recordInspection({ inspectedAt: '2026-03-03T09:00:00+08:00' })).thenThrows('SD-16').field).toBe('inspectedAt');
    expect(spec.when(recordInspection({ inspectedAt: '2026-03-02T09:00:00' })).thenThrows('SD-16').field).toBe('inspectedAt');
  });

  it('SD-16 refuses an inspection without project, customer or inspector department', () => {
    expect(spec.when(recordInspection({ projectId: '' })).thenThrows('SD-16').field).toBe('projectId');
    expect(spec.when(recordInspection({ customerId: '' })).thenThrows('SD-16').field).toBe('customerId');
    expect(spec.when(recordInspection({ inspectorDepartment: '' })).thenThrows('SD-16').field).toBe('inspectorDepartment');
  });
});

describe('inspection interval policy', () => {
  it('SD-16 the next inspection is due three months after the last one, clamped to the month end', () => {
    expect(nextInspectionDue('2026-03-02')).toBe('2026-06-02');
    expect(nextInspectionDue('2026-11-30')).toBe('2027-02-28');
    expect(nextInspectionDue('2024-11-30')).toBe('2025-02-28');
  });

  it('SD-16 uses the interval version in force on the last inspection date', () => {
    const history = [
      { effectiveFrom: '2000-01-01', value: { months: 3 } },
      { effectiveFrom: '2026-07-01', value: { months: 2 } },
    ];
    expect(nextInspectionDue('2026-06-30', history)).toBe('2026-09-30');
    expect(nextInspectionDue('2026-07-01', history)).toBe('2026-09-01');
  });
});
