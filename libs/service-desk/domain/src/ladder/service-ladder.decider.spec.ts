import { fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { DispatchOnSite, EscalateToRemote, RecordArrival, StartHotlineService } from './service-ladder.commands';
import { serviceLadderDecider } from './service-ladder.decider';
import type {
  EscalatedToRemoteService,
  HotlineServiceStarted,
  OnSiteServiceDispatched,
  RemoteServiceDeclaredImpossible,
} from './service-ladder.events';

const spec = DeciderSpecification.for(serviceLadderDecider);
const T0 = '2026-03-02T09:00:00+08:00';
const T1 = '2026-03-02T09:30:00+08:00';
const T2 = '2026-03-02T10:00:00+08:00';
const NOW = '2026-03-02T18:00:00+08:00';
const meta = { now: NOW };
const SITE = { siteId: 'jiuxi', name: 'Jiuxi Water Plant', responseTimeMinutes: 60 };

const start = (data: Partial<StartHotlineService['data']> = {}): StartHotlineService => ({
  type: 'StartHotlineService',
  data: { ticketId: 't-1', customerId: 'c-1', startedBy: 'ts-wang', startedAt: T0, ...data },
  metadata: meta,
});
const hotline: HotlineServiceStarted = {
  type: 'HotlineServiceStarted',
  data: { ticketId: 't-1', customerId: 'c-1', startedBy: 'ts-wang', startedAt: T0, note: null, recordedAt: NOW },
};
const escalate = (data: Partial<EscalateToRemote['data']> = {}): EscalateToRemote => ({
  type: 'EscalateToRemote',
  data: { ticketId: 't-1', escalatedBy: 'ts-wang', escalatedAt: T1, authorization: { authorizedBy: 'Fang Qiang', authorizedAt: T1 }, ...data },
  metadata: meta,
});
const remote: EscalatedToRemoteService = {
  type: 'EscalatedToRemoteService',
  data: { ticketId: 't-1', authorizedBy: 'Fang Qiang', authorizedAt: T1, escalatedBy: 'ts-wang', escalatedAt: T1, recordedAt: NOW },
};
const impossible: RemoteServiceDeclaredImpossible = {
  type: 'RemoteServiceDeclaredImpossible',
  data: { ticketId: 't-1', reason: 'no network at the plant', declaredBy: 'ts-wang', declaredAt: T1, recordedAt: NOW },
};
const dispatch = (data: Partial<DispatchOnSite['data']> = {}): DispatchOnSite => ({
  type: 'DispatchOnSite',
  data: { ticketId: 't-1', siteId: 'jiuxi', site: SITE, dispatchedBy: 'ts-wang', dispatchedAt: T2, engineerId: 'ts-liu', ...data },
  metadata: meta,
});
const dispatched: OnSiteServiceDispatched = {
  type: 'OnSiteServiceDispatched',
  data: {
    ticketId: 't-1',
    siteId: 'jiuxi',
    siteName: 'Jiuxi Water Plant',
    responseTimeMinutes: 60,
    dispatchedBy: 'ts-wang',
    dispatchedAt: T2,
    deadline: '2026-03-02T11:00:00+08:00',
    engineerId: 'ts-liu',
    recordedAt: NOW,
  },
};
const arrive = (arrivedAt: string): RecordArrival => ({ type: 'RecordArrival', data: { ticketId: 't-1', recordedBy: 'ts-liu', arrivedAt }, metadata: meta });

describe('service ladder decider', () => {
  it('SD-8 starts with hotline service', () => {
    expect(spec.when(start()).then([hotline])).toMatchObject({ stage: 'hotline', authorization: null });
  });

  it('SD-8 refuses any later step before hotline service started', () => {
    expect(spec.when(escalate()).thenThrows('SD-8').kind).toBe('rule');
    expect(spec.when(dispatch()).thenThrows('SD-8').kind).toBe('rule');
  });

  it("SD-8 escalates to remote service with the customer's recorded authorization", () => {
    const state = spec.given([hotline]).when(escalate()).then([remote]);
    expect(state).toMatchObject({ stage: 'remote', authorization: { authorizedBy: 'Fang Qiang', authorizedAt: T1 } });
  });

  it('SD-8 refuses remote service without customer authorization', () => {
    expect(spec.given([hotline]).when(escalate({ authorization: null })).thenThrows('SD-8').field).toBe('authorization');
    expect(spec.given([hotline]).when(escalate({ authorization: { authorizedBy: ' ', authorizedAt: T1 } })).thenThrows('SD-8').field).toBe('authorization');
    expect(spec.given([hotline]).when(escalate({ authorization: { authorizedBy: 'Fang Qiang' } })).thenThrows('SD-8').field).toBe('authorization');
  });

  it('SD-8 refuses an authorization given after remote service started, or in the future', () => {
    const late = escalate({ authorization: { authorizedBy: 'Fang Qiang', authorizedAt: T2 } });
    expect(spec.given([hotline]).when(late).thenThrows('SD-8').field).toBe('authorization.authorizedAt');
    const future = escalate({ escalatedAt: '2026-03-03T09:00:00+08:00' });
    expect(spec.given([hotline]).when(future).thenThrows('SD-8').field).toBe('escalatedAt');
  });

  it('SD-8 refuses on-site service before hotline and remote were tried', () => {
    const error = spec.given([hotline]).when(dispatch()).thenThrows('SD-8');
    expect(error.kind).toBe('rule');
    expect(error.message).toMatch(/remote service tried or declared impossible/);
  });

  it('SD-8 dispatches on site after remote service and sets the deadline from the site response time', () => {
    const state = spec.given([hotline, remote]).when(dispatch()).then([dispatched]);
    expect(state).toMatchObject({ stage: 'on-site', onSite: { deadline: '2026-03-02T11:00:00+08:00' } });
  });

  it('SD-8 dispatches on site when remote service is declared impossible', () => {
    spec.given([hotline, impossible]).when(dispatch()).then([dispatched]);
  });

  it('SD-8 refuses a site the customer does not have or one without a response time', () => {
    expect(spec.given([hotline, remote]).when(dispatch({ site: null })).thenThrows('SD-8').field).toBe('siteId');
    const noTime = dispatch({ site: { ...SITE, responseTimeMinutes: null } });
    expect(spec.given([hotline, remote]).when(noTime).thenThrows('SD-8').message).toMatch(/response time/);
  });

  it('SD-8 refuses a dispatch in the future or before the remote step', () => {
    expect(spec.given([hotline, remote]).when(dispatch({ dispatchedAt: '2026-03-02T19:00:00+08:00' })).thenThrows('SD-8').field).toBe('dispatchedAt');
    expect(spec.given([hotline, remote]).when(dispatch({ dispatchedAt: T0 })).thenThrows('SD-8').field).toBe('dispatchedAt');
  });

  it('SD-8 arrival after the deadline is a breach, with the minutes late', () => {
    const state = spec
      .given([hotline, remote, dispatched])
      .when(arrive('2026-03-02T11:45:30+08:00'))
      .then([
        {
          type: 'OnSiteArrivalRecorded',
          data: {
            ticketId: 't-1',
            siteId: 'jiuxi',
            arrivedAt: '2026-03-02T11:45:30+08:00',
            deadline: '2026-03-02T11:00:00+08:00',
            breached: true,
            minutesLate: 46,
            recordedBy: 'ts-liu',
            recordedAt: NOW,
          },
        },
      ]);
    expect(state).toMatchObject({ stage: 'arrived', breached: true, minutesLate: 46 });
  });

  it('SD-8 arrival on time is no breach (the deadline itself counts as on time)', () => {
    const state = spec.given([hotline, remote, dispatched]).when(arrive('2026-03-02T11:00:00+08:00')).then([
      {
        type: 'OnSiteArrivalRecorded',
        data: {
          ticketId: 't-1',
          siteId: 'jiuxi',
          arrivedAt: '2026-03-02T11:00:00+08:00',
          deadline: '2026-03-02T11:00:00+08:00',
          breached: false,
          minutesLate: 0,
          recordedBy: 'ts-liu',
          recordedAt: NOW,
        },
      },
    ]);
    expect(state).toMatchObject({ breached: false });
  });

  it('SD-8 refuses arrival without dispatch, twice, or before the dispatch', () => {
    expect(spec.given([hotline, remote]).when(arrive(T2)).thenThrows('SD-8').kind).toBe('rule');
    expect(spec.given([hotline, remote, dispatched]).when(arrive(T1)).thenThrows('SD-8').field).toBe('arrivedAt');
    const arrived = serviceLadderDecider.decide(arrive(T2), fold(serviceLadderDecider, [hotline, remote, dispatched]));
    expect(spec.given([hotline, remote, dispatched, ...arrived]).when(arrive(T2)).thenThrows('SD-8').kind).toBe('conflict');
  });

  it('SD-8 refuses repeating a step', () => {
    expect(spec.given([hotline]).when(start()).thenThrows('SD-8').kind).toBe('conflict');
    expect(spec.given([hotline, remote]).when(escalate()).thenThrows('SD-8').kind).toBe('conflict');
    expect(spec.given([hotline, remote, dispatched]).when(dispatch()).thenThrows('SD-8').kind).toBe('conflict');
  });
});
