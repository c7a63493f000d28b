import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { DeliverProject, RecordCallback } from './callback-file.commands';
import { callbackFileDecider } from './callback-file.decider';
import type { CallbackRecorded, ProjectDelivered } from './callback-file.events';

const spec = DeciderSpecification.for(callbackFileDecider);
const NOW = '2025-06-01T10:00:00+08:00';
const project = { projectId: 'p-1', name: 'SCADA upgrade', customerId: 'c-1' };

const deliver = (data: Partial<DeliverProject['data']> = {}, now = NOW): DeliverProject => ({
  type: 'DeliverProject',
  data: { projectId: 'p-1', project, deliveredOn: '2025-03-15', deliveredBy: 'pm-wu', ...data },
  metadata: { now },
});

const delivered = (data: Partial<ProjectDelivered['data']> = {}): ProjectDelivered => ({
  type: 'ProjectDelivered',
  data: { projectId: 'p-1', projectName: 'SCADA upgrade', customerId: 'c-1', deliveredOn: '2025-03-15', deliveredBy: 'pm-wu', recordedAt: NOW, ...data },
});

const call = (data: Partial<RecordCallback['data']> = {}, now = NOW): RecordCallback => ({
  type: 'RecordCallback',
  data: { projectId: 'p-1', outcome: 'satisfied', notes: ' all fine ', satisfaction: 5, calledAt: '2025-05-20T15:00:00+08:00', calledBy: 'cs-li', ...data },
  metadata: { now },
});

const recorded = (data: Partial<CallbackRecorded['data']> = {}): CallbackRecorded => ({
  type: 'CallbackRecorded',
  data: {
    projectId: 'p-1',
    customerId: 'c-1',
    outcome: 'satisfied',
    notes: 'all fine',
    satisfaction: 5,
    calledAt: '2025-05-20T15:00:00+08:00',
    calledOn: '2025-05-20',
    calledBy: 'cs-li',
    recordedAt: NOW,
    ...data,
  },
});

describe('callback file decider', () => {
  it('SD-11 delivering a project opens its callback file', () => {
    const state = spec.when(deliver()).then([delivered()]);
    expect(state).toMatchObject({ status: 'delivered', deliveredOn: '2025-03-15', callbacks: 0 });
  });

  it('SD-11 refuses delivering an unknown project', () => {
    expect(spec.when(deliver({ project: null })).thenThrows('SD-11')).toMatchObject({ field: 'projectId' });
  });

  it('SD-11 refuses delivering a project twice', () => {
    expect(spec.given([delivered()]).when(deliver()).thenThrows('SD-11')).toMatchObject({ kind: 'conflict' });
  });

  it('SD-11 refuses a delivery date that is not a date or is in the future', () => {
    expect(spec.when(deliver({ deliveredOn: '2025-02-30' })).thenThrows('SD-11')).toMatchObject({ field: 'deliveredOn' });
    expect(spec.when(deliver({ deliveredOn: '2025-06-02' })).thenThrows('SD-11')).toMatchObject({ field: 'deliveredOn' });
  });

  it('SD-11 records a callback with outcome, notes and satisfaction, dated in Asia/Shanghai', () => {
    const state = spec
      .given([delivered()])
      .when(call({ calledAt: '2025-05-19T16:30:00Z' }))
      .then([recorded({ calledAt: '2025-05-19T16:30:00Z', calledOn: '2025-05-20' })]);
    expect(state).toMatchObject({ callbacks: 1 });
  });

  it('SD-11 refuses a callback before delivery', () => {
    expect(spec.when(call()).thenThrows('SD-11')).toMatchObject({ field: 'projectId' });
    expect(spec.given([delivered()]).when(call({ calledAt: '2025-03-14T10:00:00+08:00' })).thenThrows('SD-11')).toMatchObject({
      field: 'calledAt',
    });
  });

  it('SD-11 refuses a callback in the future', () => {
    expect(spec.given([delivered()]).when(call({ calledAt: '2025-06-01T10:00:01+08:00' })).thenThrows('SD-11')).toMatchObject({
      field: 'calledAt',
    });
  });

  it.each([0, 6, 3.5])('SD-11 refuses satisfaction %s (must be 1–5)', (satisfaction) => {
    expect(spec.given([delivered()]).when(call({ satisfaction })).thenThrows('SD-11')).toMatchObject({ field: 'satisfaction' });
  });

  it('SD-11 refuses an unknown outcome', () => {
    const outcome = { outcome: 'meh' } as unknown as Partial<RecordCallback['data']>;
    expect(spec.given([delivered()]).when(call(outcome)).thenThrows('SD-11')).toMatchObject({ field: 'outcome' });
  });
});
