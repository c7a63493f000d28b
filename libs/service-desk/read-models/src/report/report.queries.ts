import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { median, rate, type SupervisionFigures, type SupervisionFiguresSource } from '@ebp/service-desk-domain';
import { firstDayOf, lastDayOf, monthEndInstant, nextMonth } from '@ebp/shared-kernel';
import { CALLBACK_FILES_COLLECTION, type CallbackFileView } from '../callbacks/callback-file.projection';
import { CallbacksQueries } from '../callbacks/callbacks.queries';
import { TICKETS_COLLECTION, type TicketView } from '../ticket/ticket.projection';
import { MONTHLY_FIGURES_COLLECTION, emptyMonthlyFigures, type MonthlyFiguresView } from './monthly-figures.projection';
import {
  SUPERVISION_REPORTS_COLLECTION,
  type SubmittedSupervisionReport,
  type SupervisionReportView,
} from './supervision-report.projection';

const BATCH = 500;

/** Callback windows whose last day falls in the month, and how many of them had a callback. */
export interface CallbackTally {
  due: number;
  done: number;
}

/** SD-9 figures from the month's counters plus the two carried figures computed at query time. */
export function supervisionFigures(month: string, counters: MonthlyFiguresView, openAtMonthEnd: number, callbacks: CallbackTally): SupervisionFigures {
  return {
    month,
    received: counters.received,
    resolved: counters.resolved,
    openAtMonthEnd,
    resolvedAtFirstContact: counters.resolvedAtFirstContact,
    firstContactResolutionRate: rate(counters.resolvedAtFirstContact, counters.resolved),
    medianMinutesToResolve: median(counters.resolveMinutes),
    complaints: counters.complaints,
    repeatContacts: counters.repeatContacts,
    transfers: counters.transfers,
    onSiteBreaches: counters.onSiteBreaches,
    callbacksDue: callbacks.due,
    callbacksDone: callbacks.done,
    inspectionsDone: counters.inspectionsDone,
    majorFaults: counters.majorFaults,
    shirkingFindings: counters.shirkingFindings,
  };
}

/** Open at month end: received before the month ended and not resolved by then. */
export function openAt(tickets: readonly Pick<TicketView, 'receivedAt' | 'resolvedAt'>[], endInstant: string): number {
  const end = Date.parse(endInstant);
  return tickets.filter((t) => Date.parse(t.receivedAt) < end && (t.resolvedAt === null || Date.parse(t.resolvedAt) >= end)).length;
}

/** SD-9 read side: live (draft) figures and the submitted versions. */
export class SupervisionReportQueries implements SupervisionFiguresSource {
  private readonly callbacks: CallbacksQueries;

  constructor(private readonly store: ReadModelStore) {
    this.callbacks = new CallbacksQueries(store);
  }

  /** The month's live figures (the draft; also what a submission freezes). */
  async figures(month: string): Promise<SupervisionFigures> {
    const counters = (await this.store.get<MonthlyFiguresView>(MONTHLY_FIGURES_COLLECTION, month))?.doc ?? emptyMonthlyFigures(month);
    const open = openAt(await this.all<TicketView>(TICKETS_COLLECTION, 'ticketId'), monthEndInstant(month));
    return supervisionFigures(month, counters, open, await this.callbackTally(month));
  }

  async report(month: string): Promise<SupervisionReportView | null> {
    return (await this.store.get<SupervisionReportView>(SUPERVISION_REPORTS_COLLECTION, month))?.doc ?? null;
  }

  async version(month: string, version: number): Promise<SubmittedSupervisionReport | null> {
    return (await this.report(month))?.versions.find((v) => v.version === version) ?? null;
  }

  /** SD-11 windows ending in the month (as of its last day) = due; those with a callback = done. */
  private async callbackTally(month: string): Promise<CallbackTally> {
    const from = firstDayOf(month);
    const until = firstDayOf(nextMonth(month));
    const tally: CallbackTally = { due: 0, done: 0 };
    for (const file of await this.all<CallbackFileView>(CALLBACK_FILES_COLLECTION, 'projectId')) {
      const schedule = await this.callbacks.schedule(file.projectId, lastDayOf(month));
      for (const w of schedule?.windows ?? []) {
        if (w.endsBefore <= from || w.endsBefore > until) continue;
        tally.due += 1;
        if (w.status === 'done') tally.done += 1;
      }
    }
    return tally;
  }

  private async all<T>(collection: string, idField: string): Promise<T[]> {
    const items: T[] = [];
    for (let skip = 0; ; skip += BATCH) {
      const page = await this.store.find<T>(collection, { sort: [{ field: idField, direction: 'asc' }], skip, limit: BATCH });
      items.push(...page.items);
      if (page.items.length < BATCH) return items;
    }
  }
}
