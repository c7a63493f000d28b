import type { PolicyHistory } from '@ebp/shared-kernel';

export type ComplaintSeverity = 'minor' | 'moderate' | 'serious';
export const COMPLAINT_SEVERITIES: readonly ComplaintSeverity[] = ['minor', 'moderate', 'serious'];

/** One step of the lateness tariff: from the n-th late arrival of a month on, each costs `rate` of the monthly base. */
export interface LatenessStep {
  fromOrdinal: number;
  rate: number;
}

// HR's **Policy** values (docs/rules/hr-attendance.md, "Policies"), each versioned by effective date.
export interface HrPolicies {
  /** HR-1: probation is the first `months` months after the hire date. */
  probation: PolicyHistory<{ months: number }>;
  /** HR-2: working hours on a working day (HH:MM, Asia/Shanghai); a sign-in later than start + grace is late. */
  workingHours: PolicyHistory<{ start: string; end: string; graceMinutes: number }>;
  /** HR-3: tariff steps (ascending `fromOrdinal`) and the count of lates in a month that is a violation. */
  latenessTariff: PolicyHistory<{ steps: readonly LatenessStep[]; violationAt: number }>;
  /** HR-4: the fine for an upheld complaint by severity, and the floor no fine may go below (fen). */
  complaintFines: PolicyHistory<{ minimumFen: number; bySeverityFen: Readonly<Record<ComplaintSeverity, number>> }>;
  /** HR-7: a personal call longer than this many minutes is a conduct violation. */
  personalCalls: PolicyHistory<{ maxMinutes: number }>;
  /**
   * HR-6: the base of someone who joins or leaves during the month is the monthly base ×
   * (working days employed ÷ working days of the month), rounded to the fen.
   */
  proration: PolicyHistory<{ basis: 'working-days' }>;
}

/** The regulations' values (服务项目管理制度2 §六, §七), in force since the platform's first day. */
export const DEFAULT_HR_POLICIES: HrPolicies = {
  probation: [{ effectiveFrom: '2000-01-01', value: { months: 3 } }],
  workingHours: [{ effectiveFrom: '2000-01-01', value: { start: '08:30', end: '17:30', graceMinutes: 0 } }],
  latenessTariff: [
    {
      effectiveFrom: '2000-01-01',
      value: {
        steps: [
          { fromOrdinal: 1, rate: 0.01 },
          { fromOrdinal: 3, rate: 0.05 },
        ],
        violationAt: 3,
      },
    },
  ],
  complaintFines: [{ effectiveFrom: '2000-01-01', value: { minimumFen: 1000, bySeverityFen: { minor: 1000, moderate: 5000, serious: 20000 } } }],
  personalCalls: [{ effectiveFrom: '2000-01-01', value: { maxMinutes: 3 } }],
  proration: [{ effectiveFrom: '2000-01-01', value: { basis: 'working-days' } }],
};
