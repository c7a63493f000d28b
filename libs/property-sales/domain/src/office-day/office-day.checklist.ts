import { DEFAULT_PS_POLICIES, type PsPolicies } from '../shared/ps.policy';
import { officeDayDeadlines, type OfficeDayState } from './office-day.decider';

/** done: recorded in time; late: recorded after its deadline; missing: deadline passed, not recorded; pending: deadline ahead. */
export type ChecklistStatus = 'done' | 'late' | 'missing' | 'pending';

export type OfficeDayStep = 'duty-agency' | 'attendance' | 'handover' | 'sales-centre-inspection' | 'model-unit-inspection' | 'day-records' | 'reconciliation';
export const OFFICE_DAY_STEPS: readonly OfficeDayStep[] = ['duty-agency', 'attendance', 'handover', 'sales-centre-inspection', 'model-unit-inspection', 'day-records', 'reconciliation'];

export interface ChecklistStep {
  step: OfficeDayStep;
  status: ChecklistStatus;
  /** The instant the step is due. */
  deadline: string;
  /** Whether the deadline is inclusive (`by` 08:45: on time at 08:45:00) or exclusive (`before` 12:00: late at 12:00:00). */
  due: 'by' | 'before';
  /** When it was recorded (attendance: the first check-in), null while not. */
  at: string | null;
  by: string | null;
}

export interface AgencyPosition {
  /** 1 = first position (the first agency to arrive). */
  position: number;
  agencyId: string;
  firstCheckInAt: string;
  staff: { staffId: string; at: string; late: boolean }[];
}

export interface OfficeDayChecklist {
  projectId: string | null;
  date: string;
  asOf: string;
  dutyAgencyId: string | null;
  steps: ChecklistStep[];
  /** PS-10: the 09:00 positions in order of each agency's first check-in. */
  positions: AgencyPosition[];
  attendance: { staffId: string; agencyId: string; at: string; late: boolean }[];
  /** Steps missing or late. */
  flagged: OfficeDayStep[];
}

/** PS-10: the 09:00 positions, agencies ordered by their first member's check-in (first to arrive, first position). */
export function positionsOf(state: Pick<OfficeDayState, 'checkIns'>): AgencyPosition[] {
  const byAgency = new Map<string, AgencyPosition>();
  const arrivals = [...state.checkIns].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const c of arrivals) {
    const entry = byAgency.get(c.agencyId) ?? { position: byAgency.size + 1, agencyId: c.agencyId, firstCheckInAt: c.at, staff: [] };
    entry.staff.push({ staffId: c.staffId, at: c.at, late: c.late });
    byAgency.set(c.agencyId, entry);
  }
  return [...byAgency.values()];
}

function statusOf(at: string | null, late: boolean, deadline: string, due: 'by' | 'before', asOf: string): ChecklistStatus {
  if (at !== null) return late ? 'late' : 'done';
  const passed = due === 'by' ? Date.parse(asOf) > Date.parse(deadline) : Date.parse(asOf) >= Date.parse(deadline);
  return passed ? 'missing' : 'pending';
}

const lateAfter = (at: string, deadline: string, due: 'by' | 'before'): boolean => (due === 'by' ? Date.parse(at) > Date.parse(deadline) : Date.parse(at) >= Date.parse(deadline));

/**
 * PS-10: every step of the office day `date` as of an instant. Deadlines (policy): duty agency and
 * attendance by 08:45 (attendance late when any check-in was late), the handover by 09:00 (positions),
 * both inspections and the day's records before 12:00, the reconciliation before the day ends.
 * A step not recorded is `pending` until its deadline, then `missing`.
 */
export function officeDayChecklist(state: OfficeDayState, asOf: string, policies: PsPolicies = DEFAULT_PS_POLICIES, date: string | null = state.date): OfficeDayChecklist {
  const day = date ?? state.date;
  if (day === null) throw new Error('officeDayChecklist needs the date of a day without events');
  const d = officeDayDeadlines(day, policies);
  const step = (name: OfficeDayStep, deadline: string, due: 'by' | 'before', rec: { at: string; by: string; late?: boolean } | null): ChecklistStep => {
    const late = rec ? (rec.late ?? lateAfter(rec.at, deadline, due)) : false;
    return { step: name, status: statusOf(rec?.at ?? null, late, deadline, due, asOf), deadline, due, at: rec?.at ?? null, by: rec?.by ?? null };
  };
  const inspection = (area: 'sales-centre' | 'model-unit') => state.inspections.find((i) => i.area === area) ?? null;
  const firstCheckIn = [...state.checkIns].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0] ?? null;
  const steps: ChecklistStep[] = [
    step('duty-agency', d.attendanceBy, 'by', state.dutyAgency),
    step('attendance', d.attendanceBy, 'by', firstCheckIn ? { at: firstCheckIn.at, by: firstCheckIn.staffId, late: state.checkIns.some((c) => c.late) } : null),
    step('handover', d.positionsAt, 'by', state.handover),
    step('sales-centre-inspection', d.dayRecordsBefore, 'before', inspection('sales-centre')),
    step('model-unit-inspection', d.dayRecordsBefore, 'before', inspection('model-unit')),
    step('day-records', d.dayRecordsBefore, 'before', state.dayRecords),
    step('reconciliation', d.endOfDay, 'before', state.reconciliation),
  ];
  return {
    projectId: state.projectId,
    date: day,
    asOf,
    dutyAgencyId: state.dutyAgency?.agencyId ?? null,
    steps,
    positions: positionsOf(state),
    attendance: state.checkIns.map((c) => ({ staffId: c.staffId, agencyId: c.agencyId, at: c.at, late: c.late })),
    flagged: steps.filter((s) => s.status === 'missing' || s.status === 'late').map((s) => s.step),
  };
}
