import type { Projection, RecordedEvent, StreamCategory } from '@ebp/shared-eventsourcing';
import {
  faultStreams,
  inspectionStreams,
  serviceLadderStreams,
  shirkingFindingStreams,
  ticketStreams,
  type FaultReported,
  type InspectionRecorded,
  type OnSiteArrivalRecorded,
  type RepeatContactRecorded,
  type ShirkingFindingRecorded,
  type TicketRegistered,
  type TicketResolved,
  type TicketTransferred,
} from '@ebp/service-desk-domain';
import { minutesBetween, shanghaiMonth } from '@ebp/shared-kernel';

export const MONTHLY_FIGURES_COLLECTION = 'sd_supervision_monthly_figures';

/**
 * SD-9 counters of one Asia/Shanghai month (document id `YYYY-MM`). Each event counts in the
 * month of its own business time — see `contributionOf`. Open-at-month-end and callbacks are
 * computed at query time; the median is taken over `resolveMinutes` at query time.
 */
export interface MonthlyFiguresView {
  month: string;
  received: number;
  complaints: number;
  repeatContacts: number;
  transfers: number;
  resolved: number;
  resolvedAtFirstContact: number;
  /** receivedAt → resolvedAt of each resolution in the month, whole minutes. */
  resolveMinutes: number[];
  onSiteBreaches: number;
  inspectionsDone: number;
  majorFaults: number;
  shirkingFindings: number;
  updatedAt: string;
}


type Counters = Omit<MonthlyFiguresView, 'month' | 'updatedAt'>;

interface Contribution {
  /** The business instant that places the event in a month. */
  at: string;
  apply: (doc: Counters) => Counters;
}

const counted = (event: RecordedEvent, streams: StreamCategory, type: string): boolean =>
  streams.owns(event.metadata.streamId) && event.type === type;

/** Which month an event adds to and how, or null when SD-9 does not count it. */
export function contributionOf(event: RecordedEvent): Contribution | null {
  if (counted(event, ticketStreams, 'TicketRegistered')) {
    const d = event.data as TicketRegistered['data'];
    return { at: d.receivedAt, apply: (c) => ({ ...c, received: c.received + 1, complaints: c.complaints + (d.kind === 'complaint' ? 1 : 0) }) };
  }
  if (counted(event, ticketStreams, 'TicketTransferred')) {
    const d = event.data as TicketTransferred['data'];
    return { at: d.transferredAt, apply: (c) => ({ ...c, transfers: c.transfers + 1 }) };
  }
  if (counted(event, ticketStreams, 'RepeatContactRecorded')) {
    const d = event.data as RepeatContactRecorded['data'];
    return { at: d.contactedAt, apply: (c) => ({ ...c, repeatContacts: c.repeatContacts + 1 }) };
  }
  if (counted(event, ticketStreams, 'TicketResolved')) {
    const d = event.data as TicketResolved['data'];
    return {
      at: d.resolvedAt,
      apply: (c) => ({
        ...c,
        resolved: c.resolved + 1,
        resolvedAtFirstContact: c.resolvedAtFirstContact + (d.atFirstContact ? 1 : 0),
        resolveMinutes: [...c.resolveMinutes, minutesBetween(d.receivedAt, d.resolvedAt)],
      }),
    };
  }
  if (counted(event, serviceLadderStreams, 'OnSiteArrivalRecorded')) {
    const d = event.data as OnSiteArrivalRecorded['data'];
    return d.breached ? { at: d.arrivedAt, apply: (c) => ({ ...c, onSiteBreaches: c.onSiteBreaches + 1 }) } : null;
  }
  if (counted(event, inspectionStreams, 'InspectionRecorded')) {
    const d = event.data as InspectionRecorded['data'];
    return { at: d.inspectedAt, apply: (c) => ({ ...c, inspectionsDone: c.inspectionsDone + 1 }) };
  }
  if (counted(event, faultStreams, 'FaultReported')) {
    const d = event.data as FaultReported['data'];
    return { at: d.occurredAt, apply: (c) => ({ ...c, majorFaults: c.majorFaults + 1 }) };
  }
  if (counted(event, shirkingFindingStreams, 'ShirkingFindingRecorded')) {
    const d = event.data as ShirkingFindingRecorded['data'];
    return { at: d.recordedAt, apply: (c) => ({ ...c, shirkingFindings: c.shirkingFindings + 1 }) };
  }
  return null;
}

export function emptyMonthlyFigures(month: string): MonthlyFiguresView {
  return {
    month,
    received: 0,
    complaints: 0,
    repeatContacts: 0,
    transfers: 0,
    resolved: 0,
    resolvedAtFirstContact: 0,
    resolveMinutes: [],
    onSiteBreaches: 0,
    inspectionsDone: 0,
    majorFaults: 0,
    shirkingFindings: 0,
    updatedAt: '',
  };
}

export function evolveMonthlyFigures(doc: MonthlyFiguresView | null, event: RecordedEvent): MonthlyFiguresView | null {
  const contribution = contributionOf(event);
  if (!contribution) return doc;
  const month = shanghaiMonth(contribution.at);
  const current = doc ?? emptyMonthlyFigures(month);
  return { ...current, ...contribution.apply(current), month, updatedAt: event.metadata.occurredAt };
}

/** SD-9: rebuildable monthly counters; the runner applies each event once per document by position. */
export const monthlyFiguresProjection: Projection<MonthlyFiguresView> = {
  name: 'service-desk-supervision-monthly-figures',
  collection: MONTHLY_FIGURES_COLLECTION,
  documentId: (event) => {
    const contribution = contributionOf(event);
    return contribution ? shanghaiMonth(contribution.at) : null;
  },
  evolve: evolveMonthlyFigures,
};
