import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import { DEFAULT_PS_POLICIES, type PsPolicies } from '../shared/ps.policy';
import type { AgencyActor } from '../customer/customer.commands';
import type { SubmitSigningList } from './signing-list.commands';
import { decideSigningList, signingListDecider, signingListDueAt, type SigningList } from './signing-list.decider';
import type { SigningAppointment, SigningListSubmitted } from './signing-list.events';

const SUPERVISOR: AgencyActor = { staffId: 'as-li', roles: ['agency-supervisor'], agencyId: 'sunrise', agencyRole: 'agency-supervisor' };
const DUE = '2026-03-02T17:00:00+08:00';
const A1: SigningAppointment = { unitId: 'lakeside.b1.1203', customerId: 'c-0123456789abcdef', time: '10:00' };
const A2: SigningAppointment = { unitId: 'lakeside.b1.0801', customerId: 'c-fedcba9876543210', time: '09:30' };

const submit = (now: string, appointments: SigningAppointment[] = [A1], actor = SUPERVISOR, data: Partial<SubmitSigningList['data']> = {}): SubmitSigningList => ({
  type: 'SubmitSigningList',
  data: { projectId: 'lakeside', date: '2026-03-03', agencyId: 'sunrise', appointments, actor, ...data },
  metadata: { now },
});
const submitted = (submittedAt: string, late: boolean, version = 1, appointments: SigningAppointment[] = [A1]): SigningListSubmitted => ({
  type: 'SigningListSubmitted',
  data: { projectId: 'lakeside', agencyId: 'sunrise', date: '2026-03-03', appointments, submittedBy: 'as-li', submittedAt, dueAt: DUE, late, version },
});

describe('PS-6 signing list decider', () => {
  const spec = DeciderSpecification.for(signingListDecider);

  it('PS-6 the list is due at 17:00 (policy) the day before the signing day', () => {
    expect(signingListDueAt('2026-03-03')).toBe(DUE);
    expect(signingListDueAt('2026-03-01')).toBe('2026-02-28T17:00:00+08:00');
  });

  it('PS-6 submitted at 16:59 the day before: on time', () => {
    spec.when(submit('2026-03-02T16:59:00+08:00')).then([submitted('2026-03-02T16:59:00+08:00', false)]);
  });

  it('PS-6 submitted at exactly 17:00:00: on time', () => {
    spec.when(submit(DUE)).then([submitted(DUE, false)]);
  });

  it('PS-6 submitted at 17:00:01 the day before: flagged late', () => {
    spec.when(submit('2026-03-02T17:00:01+08:00')).then([submitted('2026-03-02T17:00:01+08:00', true)]);
  });

  it('PS-6 submitted on the signing day itself: late; after it: refused', () => {
    spec.when(submit('2026-03-03T08:00:00+08:00')).then([submitted('2026-03-03T08:00:00+08:00', true)]);
    expect(spec.when(submit('2026-03-04T08:00:00+08:00')).thenThrows('PS-6').field).toBe('date');
  });

  it('PS-6 a resubmission is the next version and replaces the list; an identical one changes nothing', () => {
    const at = '2026-03-02T18:00:00+08:00';
    const state = spec.given([submitted('2026-03-02T15:00:00+08:00', false)]).when(submit(at, [A1, A2])).then([submitted(at, true, 2, [A2, A1])]) as SigningList;
    expect(state.current.version).toBe(2);
    expect(state.current.appointments.map((a) => a.time)).toEqual(['09:30', '10:00']);
    expect(state.versions.map((v) => [v.version, v.late])).toEqual([
      [1, false],
      [2, true],
    ]);
    spec.given([submitted('2026-03-02T15:00:00+08:00', false)]).when(submit(at, [A1])).then([]);
  });

  it("PS-6 only a supervisor of the agency submits its list (403)", () => {
    expect(spec.when(submit('2026-03-02T15:00:00+08:00', [A1], { ...SUPERVISOR, agencyId: null, agencyRole: null })).thenThrows('PS-6').kind).toBe('forbidden');
    expect(spec.when(submit('2026-03-02T15:00:00+08:00', [A1], { staffId: 'sp-wang', roles: ['salesperson'], agencyId: 'sunrise', agencyRole: 'salesperson' })).thenThrows('PS-6').kind).toBe('forbidden');
  });

  it('PS-6 appointments need a unit of the project, a customer id and HH:MM, each unit once', () => {
    const at = '2026-03-02T15:00:00+08:00';
    expect(spec.when(submit(at, [{ ...A1, unitId: 'hillside.b1.1203' }])).thenThrows('PS-6').field).toBe('appointments[0].unitId');
    expect(spec.when(submit(at, [{ ...A1, customerId: 'zhang' }])).thenThrows('PS-6').field).toBe('appointments[0].customerId');
    expect(spec.when(submit(at, [{ ...A1, time: '25:00' }])).thenThrows('PS-6').field).toBe('appointments[0].time');
    expect(spec.when(submit(at, [A1, { ...A1, time: '11:00' }])).thenThrows('PS-6').field).toBe('appointments[1].unitId');
  });

  it('PS-6 the deadline follows the policy in force', () => {
    const policies: PsPolicies = { ...DEFAULT_PS_POLICIES, signingListBy: [...DEFAULT_PS_POLICIES.signingListBy, { effectiveFrom: '2026-03-01', value: { time: '16:00' } }] };
    const [event] = decideSigningList(submit('2026-03-02T16:30:00+08:00'), { status: 'none' }, policies);
    expect(event.data).toMatchObject({ dueAt: '2026-03-02T16:00:00+08:00', late: true });
  });
});
