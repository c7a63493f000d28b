import { csvField } from '@ebp/shared-kernel';
import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import {
  callbackPolicyOn,
  callbackSchedule,
  type CallbackSchedulePolicy,
  type CallbackWindowKind,
  type CallbackWindowStatus,
  type ScheduledCallbackWindow,
} from '@ebp/service-desk-domain';
import { DirectoryQueries } from '../directory/directory.queries';
import { CALLBACK_FILES_COLLECTION, type CallbackEntry, type CallbackFileView } from './callback-file.projection';
import { NEEDS_CAMPAIGNS_COLLECTION, type CampaignGift, type CampaignNeedsPlan, type NeedsCampaignView } from './needs-campaign.projection';

const BATCH = 500;

export interface CallbackScheduleView {
  projectId: string;
  projectName: string;
  customerId: string;
  deliveredOn: string;
  asOf: string;
  /** The SD-11 policy version in force on the delivery date. */
  policy: CallbackSchedulePolicy;
  callbacks: CallbackEntry[];
  windows: ScheduledCallbackWindow[];
}

/** One row of the cross-project callback list (SD-11). */
export interface CallbackListItem {
  projectId: string;
  projectName: string;
  customerId: string;
  deliveredOn: string;
  windowIndex: number;
  kind: CallbackWindowKind;
  startsOn: string;
  endsBefore: string;
  status: CallbackWindowStatus;
}

export interface NeedsCampaignCustomerRow {
  customerId: string;
  name: string;
  giftSent: boolean;
  gift: CampaignGift | null;
  needsRecorded: boolean;
  needsPlan: CampaignNeedsPlan | null;
}

export interface NeedsCampaignReport {
  year: number;
  customers: number;
  giftsSent: number;
  needsRecorded: number;
  items: NeedsCampaignCustomerRow[];
}

export type ListedCallbackStatus = Extract<CallbackWindowStatus, 'due' | 'overdue'>;

/** SD-11/SD-12 read side: schedules are computed at query time from the file and the policy. */
export class CallbacksQueries {
  private readonly directory: DirectoryQueries;

  constructor(private readonly store: ReadModelStore) {
    this.directory = new DirectoryQueries(store);
  }

  async file(projectId: string): Promise<CallbackFileView | null> {
    return (await this.store.get<CallbackFileView>(CALLBACK_FILES_COLLECTION, projectId))?.doc ?? null;
  }

  async schedule(projectId: string, asOf: string): Promise<CallbackScheduleView | null> {
    const file = await this.file(projectId);
    return file ? scheduleOf(file, asOf) : null;
  }

  /** Windows due or overdue as of a date across every delivered project, oldest window first. */
  async list(asOf: string, statuses: readonly ListedCallbackStatus[] = ['due', 'overdue']): Promise<CallbackListItem[]> {
    const wanted: ReadonlySet<CallbackWindowStatus> = new Set(statuses);
    const items: CallbackListItem[] = [];
    for (const file of await this.allFiles()) {
      for (const w of scheduleOf(file, asOf).windows) {
        if (!wanted.has(w.status)) continue;
        items.push({
          projectId: file.projectId,
          projectName: file.projectName,
          customerId: file.customerId,
          deliveredOn: file.deliveredOn,
          windowIndex: w.index,
          kind: w.kind,
          startsOn: w.startsOn,
          endsBefore: w.endsBefore,
          status: w.status,
        });
      }
    }
    return items.sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.projectId.localeCompare(b.projectId));
  }

  /** SD-12: every registered customer with gift sent / needs recorded for the year. */
  async campaign(year: number): Promise<NeedsCampaignReport> {
    const doc = (await this.store.get<NeedsCampaignView>(NEEDS_CAMPAIGNS_COLLECTION, String(year)))?.doc;
    const items: NeedsCampaignCustomerRow[] = [];
    for (let skip = 0; ; skip += BATCH) {
      const page = await this.directory.customers(skip, BATCH);
      for (const c of page.items) {
        const gift = doc?.gifts[c.customerId] ?? null;
        const needsPlan = doc?.plans[c.customerId] ?? null;
        items.push({ customerId: c.customerId, name: c.name, giftSent: gift !== null, gift, needsRecorded: needsPlan !== null, needsPlan });
      }
      if (page.items.length < BATCH) break;
    }
    return {
      year,
      customers: items.length,
      giftsSent: items.filter((i) => i.giftSent).length,
      needsRecorded: items.filter((i) => i.needsRecorded).length,
      items,
    };
  }

  private async allFiles(): Promise<CallbackFileView[]> {
    const files: CallbackFileView[] = [];
    for (let skip = 0; ; skip += BATCH) {
      const page = await this.store.find<CallbackFileView>(CALLBACK_FILES_COLLECTION, {
        sort: [{ field: 'projectId', direction: 'asc' }],
        skip,
        limit: BATCH,
      });
      files.push(...page.items);
      if (page.items.length < BATCH) return files;
    }
  }
}

function scheduleOf(file: CallbackFileView, asOf: string): CallbackScheduleView {
  const policy = callbackPolicyOn(file.deliveredOn);
  return {
    projectId: file.projectId,
    projectName: file.projectName,
    customerId: file.customerId,
    deliveredOn: file.deliveredOn,
    asOf,
    policy,
    callbacks: file.callbacks.filter((c) => c.calledOn <= asOf),
    windows: callbackSchedule(file.deliveredOn, policy, file.callbacks.map((c) => c.calledOn), asOf),
  };
}

const CSV_COLUMNS: (keyof CallbackListItem)[] = [
  'projectId',
  'projectName',
  'customerId',
  'deliveredOn',
  'windowIndex',
  'kind',
  'startsOn',
  'endsBefore',
  'status',
];

/** The callback list as CSV (UTF-8, header row, CRLF line ends). */
export function callbacksCsv(items: readonly CallbackListItem[]): string {
  const rows = [CSV_COLUMNS.join(','), ...items.map((item) => CSV_COLUMNS.map((c) => csvField(item[c])).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}
