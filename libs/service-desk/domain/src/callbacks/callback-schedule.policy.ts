import { addMonths, inForce, type PolicyHistory } from '@ebp/shared-kernel';
import { DEFAULT_POLICIES } from '../shared/service-desk.policy';

/** SD-11 policy value: monthly windows first, then windows of `laterWindowMonths` months. */
export interface CallbackSchedulePolicy {
  monthlyWindows: number;
  laterWindowMonths: number;
}

export type CallbackWindowKind = 'monthly' | 'quarterly';
export type CallbackWindowStatus = 'done' | 'due' | 'overdue' | 'upcoming';

/** A callback window as Asia/Shanghai dates: [startsOn, endsBefore). */
export interface CallbackWindow {
  /** 1-based, counted from delivery across both phases. */
  index: number;
  kind: CallbackWindowKind;
  startsOn: string;
  endsBefore: string;
}

export interface ScheduledCallbackWindow extends CallbackWindow {
  status: CallbackWindowStatus;
  /** Calendar dates of the callbacks that fall in the window (as of the evaluation date). */
  callbacksOn: string[];
}

/** The schedule policy in force on the delivery date (SD-11 **Policy**, versioned). */
export function callbackPolicyOn(
  deliveredOn: string,
  history: PolicyHistory<CallbackSchedulePolicy> = DEFAULT_POLICIES.callbackSchedule,
): CallbackSchedulePolicy {
  return inForce(history, deliveredOn);
}

/** Window `index` (1-based); each bound is computed from the delivery date so clamping never drifts. */
export function callbackWindowAt(deliveredOn: string, policy: CallbackSchedulePolicy, index: number): CallbackWindow {
  if (index <= policy.monthlyWindows) {
    return { index, kind: 'monthly', startsOn: addMonths(deliveredOn, index - 1), endsBefore: addMonths(deliveredOn, index) };
  }
  const later = index - policy.monthlyWindows;
  const step = policy.laterWindowMonths;
  return {
    index,
    kind: 'quarterly',
    startsOn: addMonths(deliveredOn, policy.monthlyWindows + (later - 1) * step),
    endsBefore: addMonths(deliveredOn, policy.monthlyWindows + later * step),
  };
}

/** SD-11: every window that has started on or before `until` (inclusive), in order. */
export function callbackWindows(deliveredOn: string, policy: CallbackSchedulePolicy, until: string): CallbackWindow[] {
  const windows: CallbackWindow[] = [];
  for (let index = 1; ; index++) {
    const window = callbackWindowAt(deliveredOn, policy, index);
    if (window.startsOn > until) return windows;
    windows.push(window);
  }
}

/** The window containing a date, or null before delivery. */
export function callbackWindowContaining(deliveredOn: string, policy: CallbackSchedulePolicy, date: string): CallbackWindow | null {
  if (date < deliveredOn) return null;
  return callbackWindows(deliveredOn, policy, date).find((w) => w.startsOn <= date && date < w.endsBefore) ?? null;
}

/** Status of one window on `asOf`, given the dates of callbacks made by then. */
export function callbackWindowStatus(window: CallbackWindow, callbacksOn: readonly string[], asOf: string): CallbackWindowStatus {
  if (callbacksOn.some((d) => d <= asOf && window.startsOn <= d && d < window.endsBefore)) return 'done';
  if (asOf < window.startsOn) return 'upcoming';
  return asOf >= window.endsBefore ? 'overdue' : 'due';
}

/**
 * SD-11 schedule as of a date: every window started by then plus the next upcoming one, each
 * with its status. Callbacks dated after `asOf` are ignored, so any past date can be asked.
 */
export function callbackSchedule(
  deliveredOn: string,
  policy: CallbackSchedulePolicy,
  callbacksOn: readonly string[],
  asOf: string,
): ScheduledCallbackWindow[] {
  const started = callbackWindows(deliveredOn, policy, asOf);
  const windows = [...started, callbackWindowAt(deliveredOn, policy, started.length + 1)];
  const known = callbacksOn.filter((d) => d <= asOf);
  return windows.map((w) => ({
    ...w,
    status: callbackWindowStatus(w, known, asOf),
    callbacksOn: known.filter((d) => w.startsOn <= d && d < w.endsBefore),
  }));
}
