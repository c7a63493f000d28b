/** SD-9 figures of one month; a submission freezes a copy of them. */
export interface SupervisionFigures {
  month: string;
  /** Tickets whose receivedAt falls in the month. */
  received: number;
  /** Tickets whose resolvedAt falls in the month. */
  resolved: number;
  /** Tickets received by month end and not resolved by then. */
  openAtMonthEnd: number;
  resolvedAtFirstContact: number;
  /** resolvedAtFirstContact / resolved, 4 decimals; null when nothing was resolved. */
  firstContactResolutionRate: number | null;
  /** Median of receivedAt → resolvedAt over the month's resolutions, in minutes; null when none. */
  medianMinutesToResolve: number | null;
  complaints: number;
  repeatContacts: number;
  transfers: number;
  onSiteBreaches: number;
  callbacksDue: number;
  callbacksDone: number;
  inspectionsDone: number;
  majorFaults: number;
  shirkingFindings: number;
}

export type SupervisionFigureKey = Exclude<keyof SupervisionFigures, 'month'>;

/** Row labels for exports, in report order (bilingual: the report goes to the general manager). */
export const SUPERVISION_FIGURE_LABELS: readonly { key: SupervisionFigureKey; label: string }[] = [
  { key: 'received', label: '受理请求 Requests received' },
  { key: 'resolved', label: '已解决 Requests resolved' },
  { key: 'openAtMonthEnd', label: '月末未结 Open at month end' },
  { key: 'resolvedAtFirstContact', label: '首问解决 Resolved at first contact' },
  { key: 'firstContactResolutionRate', label: '首问解决率 First-contact resolution rate' },
  { key: 'medianMinutesToResolve', label: '解决时长中位数(分钟) Median time to resolve (min)' },
  { key: 'complaints', label: '投诉 Complaints' },
  { key: 'repeatContacts', label: '重复来电 Repeat contacts' },
  { key: 'transfers', label: '转办 Transfers' },
  { key: 'onSiteBreaches', label: '现场超时 On-site breaches' },
  { key: 'callbacksDue', label: '应回访 Callbacks due' },
  { key: 'callbacksDone', label: '已回访 Callbacks done' },
  { key: 'inspectionsDone', label: '巡检 Inspections done' },
  { key: 'majorFaults', label: '重大故障 Major faults' },
  { key: 'shirkingFindings', label: '推诿认定 Shirking findings' },
];

/** The counts drawn in the report's bar chart. */
export const SUPERVISION_CHART_KEYS: readonly SupervisionFigureKey[] = [
  'received',
  'resolved',
  'complaints',
  'repeatContacts',
  'transfers',
  'onSiteBreaches',
  'callbacksDue',
  'callbacksDone',
  'inspectionsDone',
  'majorFaults',
  'shirkingFindings',
];

/** Median of a list (mean of the middle two when even); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/** part / whole to 4 decimals; null when the whole is 0 (no rate, not a 0 % rate). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** Where the application layer gets a month's live figures to freeze at submission (the read side). */
export interface SupervisionFiguresSource {
  figures(month: string): Promise<SupervisionFigures>;
}
