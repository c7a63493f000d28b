/**
 * Where a rule leaves a value open (a **Policy** in docs/rules/service-desk.md), the value is
 * configuration with an effective date: a report re-run for an old period uses the version then in force.
 */
export interface Versioned<T> {
  /** First Asia/Shanghai calendar date (YYYY-MM-DD) the version applies to. */
  effectiveFrom: string;
  value: T;
}

export type PolicyHistory<T> = readonly Versioned<T>[];

/** The version in force on a date; refuses a date before the first version. */
export function inForce<T>(history: PolicyHistory<T>, date: string): T {
  let current: Versioned<T> | undefined;
  for (const version of history) {
    if (version.effectiveFrom <= date && (!current || version.effectiveFrom >= current.effectiveFrom)) current = version;
  }
  if (!current) throw new Error(`no policy version in force on ${date}`);
  return current.value;
}
