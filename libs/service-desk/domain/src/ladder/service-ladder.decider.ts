import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { addMinutes, instantMs, optionalText, pastInstant, requireText } from '@ebp/shared-kernel';
import type {
  DeclareRemoteImpossible,
  DispatchOnSite,
  EscalateToRemote,
  RecordArrival,
  ServiceLadderCommand,
  StartHotlineService,
} from './service-ladder.commands';
import type { ServiceLadderEvent } from './service-ladder.events';

// SD-8 被动式服务: hotline first, remote with the customer's authorization, on-site last.
const RULE = 'SD-8';

export type LadderStage = 'hotline' | 'remote' | 'on-site' | 'arrived';

/** One ticket's ladder; also the read-model document. */
export interface ServiceLadder {
  status: 'active';
  ticketId: string;
  customerId: string;
  stage: LadderStage;
  hotline: { startedBy: string; startedAt: string; note: string | null };
  authorization: { authorizedBy: string; authorizedAt: string } | null;
  remote: { escalatedBy: string; escalatedAt: string } | null;
  remoteImpossible: { reason: string; declaredBy: string; declaredAt: string } | null;
  onSite: {
    siteId: string;
    siteName: string;
    responseTimeMinutes: number;
    dispatchedBy: string;
    dispatchedAt: string;
    deadline: string;
    engineerId: string | null;
  } | null;
  arrival: { arrivedAt: string; recordedBy: string } | null;
  /** Null until arrival. */
  breached: boolean | null;
  minutesLate: number | null;
}

export type ServiceLadderState = { status: 'none' } | ServiceLadder;

export const initialServiceLadderState = (): ServiceLadderState => ({ status: 'none' });

function started(state: ServiceLadderState, ticketId: string): ServiceLadder {
  if (state.status === 'none' || state.ticketId !== ticketId) {
    throw new DomainError(RULE, `hotline service has not started for ticket ${ticketId}: hotline comes first`, 'rule');
  }
  return state;
}

function notDispatched(ladder: ServiceLadder, what: string): void {
  if (ladder.onSite !== null) throw new DomainError(RULE, `ticket ${ladder.ticketId} is already on site; cannot ${what}`, 'conflict');
}

/** The latest instant the ladder has reached, so every later step comes after it. */
function lastStep(ladder: ServiceLadder): string {
  const candidates = [ladder.hotline.startedAt, ladder.remote?.escalatedAt, ladder.remoteImpossible?.declaredAt].filter(
    (t): t is string => typeof t === 'string',
  );
  return candidates.reduce((a, b) => (instantMs(b) > instantMs(a) ? b : a));
}

function startHotline(command: StartHotlineService, state: ServiceLadderState): ServiceLadderEvent[] {
  const d = command.data;
  const ticketId = requireText(d.ticketId, 'ticketId', RULE);
  if (state.status !== 'none') throw new DomainError(RULE, `hotline service for ticket ${ticketId} has already started`, 'conflict');
  const now = command.metadata.now;
  return [
    {
      type: 'HotlineServiceStarted',
      data: {
        ticketId,
        customerId: requireText(d.customerId, 'customerId', RULE),
        startedBy: requireText(d.startedBy, 'startedBy', RULE),
        startedAt: pastInstant(d.startedAt, now, 'startedAt', RULE),
        note: optionalText(d.note, 'note', RULE),
        recordedAt: now,
      },
    },
  ];
}

function escalateToRemote(command: EscalateToRemote, state: ServiceLadderState): ServiceLadderEvent[] {
  const d = command.data;
  const ladder = started(state, d.ticketId);
  notDispatched(ladder, 'escalate to remote service');
  if (ladder.remote !== null) throw new DomainError(RULE, `ticket ${ladder.ticketId} is already in remote service`, 'conflict');
  const auth = d.authorization;
  if (!auth || optionalText(auth.authorizedBy, 'authorization.authorizedBy', RULE) === null || !auth.authorizedAt) {
    throw new DomainError(RULE, "remote service needs the customer's recorded authorization (who and when)", 'rule', 'authorization');
  }
  const now = command.metadata.now;
  const authorizedAt = pastInstant(auth.authorizedAt, now, 'authorization.authorizedAt', RULE);
  const escalatedAt = pastInstant(d.escalatedAt, now, 'escalatedAt', RULE, { instant: lastStep(ladder), what: 'the hotline start' });
  if (instantMs(authorizedAt) > instantMs(escalatedAt)) {
    throw new DomainError(RULE, 'the customer must authorize remote service before it starts', 'rule', 'authorization.authorizedAt');
  }
  return [
    {
      type: 'EscalatedToRemoteService',
      data: {
        ticketId: ladder.ticketId,
        authorizedBy: requireText(auth.authorizedBy, 'authorization.authorizedBy', RULE),
        authorizedAt,
        escalatedBy: requireText(d.escalatedBy, 'escalatedBy', RULE),
        escalatedAt,
        recordedAt: now,
      },
    },
  ];
}

function declareRemoteImpossible(command: DeclareRemoteImpossible, state: ServiceLadderState): ServiceLadderEvent[] {
  const d = command.data;
  const ladder = started(state, d.ticketId);
  notDispatched(ladder, 'declare remote service impossible');
  if (ladder.remoteImpossible !== null) {
    throw new DomainError(RULE, `remote service for ticket ${ladder.ticketId} is already declared impossible`, 'conflict');
  }
  const now = command.metadata.now;
  return [
    {
      type: 'RemoteServiceDeclaredImpossible',
      data: {
        ticketId: ladder.ticketId,
        reason: requireText(d.reason, 'reason', RULE),
        declaredBy: requireText(d.declaredBy, 'declaredBy', RULE),
        declaredAt: pastInstant(d.declaredAt, now, 'declaredAt', RULE, { instant: lastStep(ladder), what: 'the previous step' }),
        recordedAt: now,
      },
    },
  ];
}

function dispatchOnSite(command: DispatchOnSite, state: ServiceLadderState): ServiceLadderEvent[] {
  const d = command.data;
  const ladder = started(state, d.ticketId);
  notDispatched(ladder, 'dispatch again');
  if (ladder.remote === null && ladder.remoteImpossible === null) {
    throw new DomainError(RULE, 'on-site service needs remote service tried or declared impossible first', 'rule');
  }
  const siteId = requireText(d.siteId, 'siteId', RULE);
  if (!d.site || d.site.siteId !== siteId) {
    throw new DomainError(RULE, `customer ${ladder.customerId} has no site ${siteId}`, 'rule', 'siteId');
  }
  const minutes = d.site.responseTimeMinutes;
  if (minutes === null || !Number.isInteger(minutes) || minutes <= 0) {
    throw new DomainError(RULE, `site ${siteId} has no configured on-site response time`, 'rule', 'siteId');
  }
  const now = command.metadata.now;
  const dispatchedAt = pastInstant(d.dispatchedAt, now, 'dispatchedAt', RULE, { instant: lastStep(ladder), what: 'the previous step' });
  return [
    {
      type: 'OnSiteServiceDispatched',
      data: {
        ticketId: ladder.ticketId,
        siteId,
        siteName: d.site.name,
        responseTimeMinutes: minutes,
        dispatchedBy: requireText(d.dispatchedBy, 'dispatchedBy', RULE),
        dispatchedAt,
        deadline: addMinutes(dispatchedAt, minutes),
        engineerId: optionalText(d.engineerId, 'engineerId', RULE),
        recordedAt: now,
      },
    },
  ];
}

/** Whole minutes after the deadline, rounded up (a second late is a minute late); 0 when on time. */
export function minutesLate(arrivedAt: string, deadline: string): number {
  const lateMs = instantMs(arrivedAt) - instantMs(deadline);
  return lateMs > 0 ? Math.ceil(lateMs / 60_000) : 0;
}

function recordArrival(command: RecordArrival, state: ServiceLadderState): ServiceLadderEvent[] {
  const d = command.data;
  const ladder = started(state, d.ticketId);
  if (ladder.onSite === null) throw new DomainError(RULE, `no on-site service was dispatched for ticket ${ladder.ticketId}`, 'rule');
  if (ladder.arrival !== null) throw new DomainError(RULE, `arrival for ticket ${ladder.ticketId} is already recorded`, 'conflict');
  const now = command.metadata.now;
  const onSite = ladder.onSite;
  const arrivedAt = pastInstant(d.arrivedAt, now, 'arrivedAt', RULE, { instant: onSite.dispatchedAt, what: 'the dispatch' });
  const late = minutesLate(arrivedAt, onSite.deadline);
  return [
    {
      type: 'OnSiteArrivalRecorded',
      data: {
        ticketId: ladder.ticketId,
        siteId: onSite.siteId,
        arrivedAt,
        deadline: onSite.deadline,
        breached: late > 0,
        minutesLate: late,
        recordedBy: requireText(d.recordedBy, 'recordedBy', RULE),
        recordedAt: now,
      },
    },
  ];
}

export function decideServiceLadder(command: ServiceLadderCommand, state: ServiceLadderState): ServiceLadderEvent[] {
  switch (command.type) {
    case 'StartHotlineService':
      return startHotline(command, state);
    case 'EscalateToRemote':
      return escalateToRemote(command, state);
    case 'DeclareRemoteImpossible':
      return declareRemoteImpossible(command, state);
    case 'DispatchOnSite':
      return dispatchOnSite(command, state);
    case 'RecordArrival':
      return recordArrival(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveServiceLadder(state: ServiceLadderState, event: ServiceLadderEvent): ServiceLadderState {
  if (event.type === 'HotlineServiceStarted') {
    const d = event.data;
    return {
      status: 'active',
      ticketId: d.ticketId,
      customerId: d.customerId,
      stage: 'hotline',
      hotline: { startedBy: d.startedBy, startedAt: d.startedAt, note: d.note },
      authorization: null,
      remote: null,
      remoteImpossible: null,
      onSite: null,
      arrival: null,
      breached: null,
      minutesLate: null,
    };
  }
  // Every other event follows the hotline start.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'EscalatedToRemoteService': {
      const d = event.data;
      return {
        ...state,
        stage: 'remote',
        authorization: { authorizedBy: d.authorizedBy, authorizedAt: d.authorizedAt },
        remote: { escalatedBy: d.escalatedBy, escalatedAt: d.escalatedAt },
      };
    }
    case 'RemoteServiceDeclaredImpossible': {
      const d = event.data;
      return { ...state, remoteImpossible: { reason: d.reason, declaredBy: d.declaredBy, declaredAt: d.declaredAt } };
    }
    case 'OnSiteServiceDispatched': {
      const d = event.data;
      return {
        ...state,
        stage: 'on-site',
        onSite: {
          siteId: d.siteId,
          siteName: d.siteName,
          responseTimeMinutes: d.responseTimeMinutes,
          dispatchedBy: d.dispatchedBy,
          dispatchedAt: d.dispatchedAt,
          deadline: d.deadline,
          engineerId: d.engineerId,
        },
      };
    }
    case 'OnSiteArrivalRecorded': {
      const d = event.data;
      return { ...state, stage: 'arrived', arrival: { arrivedAt: d.arrivedAt, recordedBy: d.recordedBy }, breached: d.breached, minutesLate: d.minutesLate };
    }
    default:
      return assertNever(event);
  }
}

export const serviceLadderDecider: Decider<ServiceLadderState, ServiceLadderCommand, ServiceLadderEvent> = {
  initialState: initialServiceLadderState,
  decide: decideServiceLadder,
  evolve: evolveServiceLadder,
};
