import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { RecordShirkingFinding } from './shirking-finding.commands';
import { isSupervisor, shirkingFindingDecider } from './shirking-finding.decider';
import type { ShirkingFindingRecorded } from './shirking-finding.events';

const spec = DeciderSpecification.for(shirkingFindingDecider);
const NOW = '2026-03-02T15:00:00+08:00';

const command = (data: Partial<RecordShirkingFinding['data']> = {}): RecordShirkingFinding => ({
  type: 'RecordShirkingFinding',
  data: {
    findingId: 'f-1',
    supervisor: { staffId: 'gm-zhao', roles: ['general-manager'], isDepartmentManager: false },
    ticket: { ticketId: 't-1', customerId: 'c-1' },
    staffMember: { staffId: 'ts-chen', name: 'Chen Jie', department: 'technical-service' },
    kind: 'shirking',
    sanction: 'criticism',
    description: 'Told the customer twice it was not his department',
    ...data,
  },
  metadata: { now: NOW },
});
const recorded: ShirkingFindingRecorded = {
  type: 'ShirkingFindingRecorded',
  data: {
    findingId: 'f-1',
    ticketId: 't-1',
    customerId: 'c-1',
    staffId: 'ts-chen',
    staffName: 'Chen Jie',
    staffDepartment: 'technical-service',
    kind: 'shirking',
    sanction: 'criticism',
    description: 'Told the customer twice it was not his department',
    recordedBy: 'gm-zhao',
    recordedAt: NOW,
  },
};

describe('shirking finding decider', () => {
  it('SD-6 a supervisor records a shirking finding with its sanction', () => {
    expect(spec.when(command()).then([recorded])).toMatchObject({ status: 'recorded', sanction: 'criticism' });
  });

  it('SD-6 a department manager from the staff directory is a supervisor too', () => {
    const manager = { staffId: 'ts-wang', roles: ['technical-service'], isDepartmentManager: true };
    spec.when(command({ supervisor: manager })).then([{ ...recorded, data: { ...recorded.data, recordedBy: 'ts-wang' } }]);
    expect(isSupervisor({ staffId: 'x', roles: ['office'], isDepartmentManager: false })).toBe(true);
  });

  it('SD-6 refuses a finding from someone who is not a supervisor', () => {
    const plain = { staffId: 'cs-li', roles: ['customer-service'], isDepartmentManager: false };
    expect(spec.when(command({ supervisor: plain })).thenThrows('SD-6').kind).toBe('forbidden');
  });

  it('SD-6 refuses an unknown kind or sanction, a blank description and a finding against oneself', () => {
    expect(spec.when(command({ kind: 'laziness' as never })).thenThrows('SD-6').field).toBe('kind');
    expect(spec.when(command({ sanction: 'fine' as never })).thenThrows('SD-6').field).toBe('sanction');
    expect(spec.when(command({ description: ' ' })).thenThrows('SD-6').field).toBe('description');
    const self = { staffId: 'gm-zhao', name: 'Zhao Min', department: 'management' };
    expect(spec.when(command({ staffMember: self })).thenThrows('SD-6').field).toBe('staffId');
  });

  it('SD-6 refuses recording the same finding twice', () => {
    expect(spec.given([recorded]).when(command()).thenThrows('SD-6').kind).toBe('conflict');
  });
});
