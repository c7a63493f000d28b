import type { ReadModelStore } from '@ebp/shared-eventsourcing';
import { initialOfficeDayState, officeDayChecklist, type OfficeDayChecklist, type OfficeDayState } from '@ebp/property-sales-domain';
import { PsAccess, PS_ROLES, type PsReader } from '../shared/access';
import { requireCode, requireDate } from '../shared/params';
import { OFFICE_DAYS_COLLECTION, officeDayDocId } from './office-days.projection';

/** PS-10: the office day's checklist with the agencies' names. */
export interface OfficeDayView extends OfficeDayChecklist {
  projectId: string;
  /** Agency id → name, for the positions and attendance. */
  agencyNames: Record<string, string>;
}

/** The day as it stood at `asOf`: what was recorded later is not there yet. */
export function stateAsOf(state: OfficeDayState, asOf: string): OfficeDayState {
  const limit = Date.parse(asOf);
  const by = <T extends { at: string }>(x: T | null): T | null => (x !== null && Date.parse(x.at) <= limit ? x : null);
  return {
    ...state,
    dutyAgency: by(state.dutyAgency),
    checkIns: state.checkIns.filter((c) => Date.parse(c.at) <= limit),
    handover: by(state.handover),
    inspections: state.inspections.filter((i) => Date.parse(i.at) <= limit),
    dayRecords: by(state.dayRecords),
    reconciliation: by(state.reconciliation),
  };
}

/** PS-10 office-day checklist: any sales-centre role. */
export class PsOfficeDayQueries {
  private readonly access: PsAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new PsAccess(store);
  }

  async checklist(reader: PsReader, projectId: string, date: string, asOf: string): Promise<OfficeDayView> {
    requireCode(projectId, 'PS-10', 'projectId');
    requireDate(date, 'PS-10');
    this.access.requireRole(reader, PS_ROLES, 'PS-10', 'the office day');
    const state = (await this.store.get<OfficeDayState>(OFFICE_DAYS_COLLECTION, officeDayDocId(projectId, date)))?.doc ?? initialOfficeDayState();
    const checklist = officeDayChecklist(stateAsOf(state, asOf), asOf, undefined, date);
    const ids = [...checklist.positions.map((p) => p.agencyId), ...(checklist.dutyAgencyId ? [checklist.dutyAgencyId] : [])];
    const agencies = await this.access.agencies(ids);
    return { ...checklist, projectId, agencyNames: Object.fromEntries([...agencies.values()].map((a) => [a.agencyId, a.name])) };
  }
}
