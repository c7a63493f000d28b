import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { RegisterProject, UpdateProject } from './project.commands';
import { projectDecider } from './project.decider';
import type { ProjectRegistered } from './project.events';

const spec = DeciderSpecification.for(projectDecider);
const NOW = '2026-03-02T09:00:00+08:00';
const LATER = '2026-03-03T09:00:00+08:00';

const register = (data: Partial<RegisterProject['data']> = {}): RegisterProject => ({
  type: 'RegisterProject',
  data: { projectId: 'p-1', name: 'Billing system upgrade', customerId: 'c-1', businessSignerId: 'sally', ...data },
  metadata: { now: NOW },
});
const update = (data: Partial<UpdateProject['data']> = {}): UpdateProject => ({
  type: 'UpdateProject',
  data: { projectId: 'p-1', name: 'Billing system upgrade', businessSignerId: 'sally', ...data },
  metadata: { now: LATER },
});
const registered: ProjectRegistered = {
  type: 'ProjectRegistered',
  data: { projectId: 'p-1', name: 'Billing system upgrade', customerId: 'c-1', businessSignerId: 'sally', registeredAt: NOW },
};

describe('project decider', () => {
  it('SD-1 registers a project of a customer with its business signer', () => {
    expect(spec.when(register()).then([registered])).toMatchObject({ status: 'active', customerId: 'c-1', businessSignerId: 'sally' });
  });

  it('SD-1 registers a project without a business signer', () => {
    spec.when(register({ businessSignerId: undefined })).then([{ ...registered, data: { ...registered.data, businessSignerId: null } }]);
  });

  it.each(['projectId', 'name', 'customerId'] as const)('SD-1 refuses a project without %s', (field) => {
    expect(spec.when(register({ [field]: '' })).thenThrows('SD-1')).toMatchObject({ kind: 'invalid', field });
  });

  it('SD-1 refuses registering the same project twice', () => {
    expect(spec.given([registered]).when(register()).thenThrows('SD-1').kind).toBe('conflict');
  });

  it('SD-1 changes the business signer and ignores an update without changes', () => {
    const state = spec
      .given([registered])
      .when(update({ businessSignerId: 'tom' }))
      .then([{ type: 'ProjectUpdated', data: { projectId: 'p-1', name: 'Billing system upgrade', businessSignerId: 'tom', updatedAt: LATER } }]);
    expect(state).toMatchObject({ businessSignerId: 'tom', customerId: 'c-1' });
    spec.given([registered]).when(update()).then([]);
  });

  it('SD-1 refuses updating a project that does not exist', () => {
    expect(spec.when(update()).thenThrows('SD-1').kind).toBe('not-found');
  });
});
