import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import { callStream } from '../shared/streams';
import type { OpenCall } from './call.commands';
import type { SgCategory } from '../shared/sg.policy';
import { callDecider } from './call.decider';

const NOW = '2026-01-05T09:00:00+08:00';
const PIT = { userId: 'pit-chen', roles: ['provincial-it'] };
const open = (data: Partial<OpenCall['data']> = {}): OpenCall => ({ type: 'OpenCall', data: { year: 2026, form: 'subsidy', actor: PIT, ...data }, metadata: { now: NOW } });
const CATEGORIES: SgCategory[] = ['innovation-capability', 'software-industrialisation', 'digital-content', 'public-service-platform', 'pilot-demonstration'];

describe('SG-1 funding call', () => {
  const spec = DeciderSpecification.for(callDecider);

  it('SG-1 opens the year’s call with the five categories and the default deadlines 30 June / 31 December', () => {
    const state = spec.when(open()).then([
      { type: 'CallOpened', data: { year: 2026, categories: CATEGORIES, form: 'subsidy', submissionDeadline: '2026-06-30', completionDeadline: '2026-12-31', budgetFen: null, by: 'pit-chen', at: NOW } },
    ]);
    expect(state).toMatchObject({ status: 'open', year: 2026 });
    expect(callStream(2026)).toBe('subsidy-grants.call.2026');
  });

  it('SG-1 deadlines and budget are set per call', () => {
    spec.when(open({ form: 'reward', submissionDeadline: '2026-07-15', completionDeadline: '2027-01-31', budgetFen: 5_000_000_00 })).then([
      { type: 'CallOpened', data: { year: 2026, categories: CATEGORIES, form: 'reward', submissionDeadline: '2026-07-15', completionDeadline: '2027-01-31', budgetFen: 5_000_000_00, by: 'pit-chen', at: NOW } },
    ]);
  });

  it('SG-1 one call per year (409), invalid dates and forms (400), only provincial finance or IT (403)', () => {
    const [opened] = callDecider.decide(open(), callDecider.initialState());
    expect(spec.given([opened]).when(open()).thenThrows('SG-1').kind).toBe('conflict');
    expect(spec.when(open({ submissionDeadline: '2026-02-30' })).thenThrows('SG-1')).toMatchObject({ kind: 'invalid', field: 'submissionDeadline' });
    expect(spec.when(open({ completionDeadline: '2026-03-01' })).thenThrows('SG-1').field).toBe('completionDeadline');
    expect(spec.when(open({ form: 'loan' as never })).thenThrows('SG-1').field).toBe('form');
    expect(spec.when(open({ budgetFen: 12.5 })).thenThrows('SG-1').field).toBe('budgetFen');
    expect(spec.when(open({ actor: { userId: 'x', roles: ['local-it'] } })).thenThrows('SG-1').kind).toBe('forbidden');
  });
});
