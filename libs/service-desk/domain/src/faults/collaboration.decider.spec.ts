import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { CollaborationCommand, RecordCompletion, RuleOnDispute } from './collaboration.commands';
import { collaborationDecider } from './collaboration.decider';
import type { CollaborationEvent, CollaborationOpened, DisputeRaised } from './collaboration.events';
import type { FaultActor } from './fault.commands';

const spec = DeciderSpecification.for(collaborationDecider);
const NOW = '2026-03-02T10:00:00+08:00';

const cs: FaultActor = { staffId: 'cs-li', roles: ['customer-service'], department: 'customer-service' };
const ts: FaultActor = { staffId: 'ts-chen', roles: ['technical-service'], department: 'technical-service' };
const bd: FaultActor = { staffId: 'bd-xu', roles: ['business-dept'], department: 'business-dept' };
const office: FaultActor = { staffId: 'off-sun', roles: ['office'], department: 'office', isDepartmentManager: true };

const command = <C extends CollaborationCommand>(type: C['type'], data: Partial<C['data']>): C =>
  ({ type, data: { collaborationId: 'co-1', actor: cs, ...data }, metadata: { now: NOW } }) as C;

const opened: CollaborationOpened = {
  type: 'CollaborationOpened',
  data: {
    collaborationId: 'co-1',
    openedBy: 'cs-li',
    openedAt: NOW,
    subject: 'migrate the hotline',
    requestingDepartment: 'customer-service',
    cooperatingDepartments: ['technical-service'],
    supervisingDepartment: 'customer-service',
  },
};
const raised: DisputeRaised = {
  type: 'DisputeRaised',
  data: { collaborationId: 'co-1', disputeId: 'd-1', raisedBy: 'ts-chen', raisedAt: NOW, description: 'who pays for the PBX' },
};
const opinion = (department: string, by: string): CollaborationEvent => ({
  type: 'DepartmentOpinionSubmitted',
  data: { collaborationId: 'co-1', disputeId: 'd-1', department, submittedBy: by, submittedAt: NOW, opinion: `${department} view` },
});
const ruled: CollaborationEvent = {
  type: 'DisputeRuled',
  data: { collaborationId: 'co-1', disputeId: 'd-1', ruledBy: 'off-sun', ruledAt: NOW, ruling: 'technical service pays' },
};

describe('collaboration decider', () => {
  it('SD-13 the requesting department opens and leads a collaboration with cooperating departments', () => {
    spec
      .when(
        command('OpenCollaboration', {
          subject: 'migrate the hotline',
          requestingDepartment: 'customer-service',
          cooperatingDepartments: ['technical-service'],
        }),
      )
      .then([opened]);
    const outsider = command('OpenCollaboration', { actor: bd, subject: 's', requestingDepartment: 'customer-service', cooperatingDepartments: ['technical-service'] });
    expect(spec.when(outsider).thenThrows('SD-13').kind).toBe('forbidden');
  });

  it('SD-13 a blocking disagreement is raised as a dispute and each department submits its own opinion', () => {
    spec.given([opened]).when(command('RaiseDispute', { actor: ts, description: 'who pays for the PBX' })).then([raised]);
    spec.given([opened, raised]).when(command('SubmitDepartmentOpinion', { actor: ts, disputeId: 'd-1', department: 'technical-service', opinion: 'technical-service view' })).then([
      opinion('technical-service', 'ts-chen'),
    ]);
    const forOther = command('SubmitDepartmentOpinion', { actor: cs, disputeId: 'd-1', department: 'technical-service', opinion: 'x' });
    expect(spec.given([opened, raised]).when(forOther).thenThrows('SD-13').kind).toBe('forbidden');
  });

  it('SD-13 only the Office rules on a dispute, and only once every involved department submitted its opinion', () => {
    const ruling = command<RuleOnDispute>('RuleOnDispute', { actor: office, disputeId: 'd-1', ruling: 'technical service pays' });
    const all = [opened, raised, opinion('customer-service', 'cs-li'), opinion('technical-service', 'ts-chen')];
    expect(spec.given(all).when({ ...ruling, data: { ...ruling.data, actor: cs } }).thenThrows('SD-13').kind).toBe('forbidden');
    const early = spec.given([opened, raised, opinion('customer-service', 'cs-li')]).when(ruling).thenThrows('SD-13');
    expect(early.message).toContain('technical-service');
    spec.given(all).when(ruling).then([ruled]);
  });

  it('SD-13 no completion while a dispute is unruled; the supervising department completes after the ruling', () => {
    const completion = command<RecordCompletion>('RecordCompletion', { summary: 'migrated' });
    const refusal = spec.given([opened, raised]).when(completion).thenThrows('SD-13');
    expect(refusal.kind).toBe('rule');
    const all = [opened, raised, opinion('customer-service', 'cs-li'), opinion('technical-service', 'ts-chen'), ruled];
    spec.given(all).when(completion).then([
      { type: 'CollaborationCompleted', data: { collaborationId: 'co-1', completedBy: 'cs-li', completedAt: NOW, summary: 'migrated', rulingsFollowed: ['d-1'] } },
    ]);
    expect(spec.given(all).when({ ...completion, data: { ...completion.data, actor: ts } }).thenThrows('SD-13').kind).toBe('forbidden');
  });
});
