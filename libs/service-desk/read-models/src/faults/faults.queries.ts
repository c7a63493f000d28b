import type { Condition, Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import { faultAnalysisStatus, type FaultAnalysisStatus, type FaultStatus } from '@ebp/service-desk-domain';
import { COLLABORATIONS_COLLECTION, type CollaborationView } from './collaboration.projection';
import { FAULTS_COLLECTION, type FaultView } from './fault.projection';

/** A fault with its analysis status (SD-14) derived as of a date. */
export type FaultSummary = Omit<FaultView, 'history'> & { analysisStatus: FaultAnalysisStatus | null; asOf: string };

export interface FaultFilter {
  status?: FaultStatus;
  customerId?: string;
  analysisStatus?: FaultAnalysisStatus;
  /** YYYY-MM-DD (Asia/Shanghai) the analysis status is judged on. */
  asOf: string;
  skip?: number;
  limit?: number;
}

export function withAnalysisStatus<T extends Pick<FaultView, 'analysisDueOn' | 'analysis'>>(
  doc: T,
  asOf: string,
): T & { analysisStatus: FaultAnalysisStatus | null; asOf: string } {
  return { ...doc, analysisStatus: faultAnalysisStatus(doc.analysisDueOn, doc.analysis !== null, asOf), asOf };
}

function withoutHistory(doc: FaultView): Omit<FaultView, 'history'> {
  const summary: Partial<FaultView> = { ...doc };
  delete summary.history;
  return summary as Omit<FaultView, 'history'>;
}

/** Read-side questions about major faults (SD-14) and collaborations (SD-13). */
export class FaultsQueries {
  constructor(private readonly store: ReadModelStore) {}

  async faults(filter: FaultFilter): Promise<Page<FaultSummary>> {
    const where: Record<string, Condition> = {};
    if (filter.status) where['status'] = filter.status;
    if (filter.customerId) where['customerId'] = filter.customerId;
    const all = await this.store.find<FaultView>(FAULTS_COLLECTION, { where, sort: [{ field: 'reportedAt', direction: 'desc' }] });
    // Analysis status depends on the as-of date, so it is filtered after deriving it.
    const items = all.items
      .map((doc) => withAnalysisStatus(withoutHistory(doc), filter.asOf))
      .filter((f) => !filter.analysisStatus || f.analysisStatus === filter.analysisStatus);
    const skip = filter.skip ?? 0;
    return { total: items.length, items: items.slice(skip, skip + (filter.limit ?? 50)) };
  }

  async fault(faultId: string, asOf: string): Promise<(FaultView & { analysisStatus: FaultAnalysisStatus | null; asOf: string }) | null> {
    const doc = (await this.store.get<FaultView>(FAULTS_COLLECTION, faultId))?.doc;
    return doc ? withAnalysisStatus(doc, asOf) : null;
  }

  async collaborations(filter: { status?: 'open' | 'completed'; skip?: number; limit?: number }): Promise<Page<CollaborationView>> {
    const where: Record<string, Condition> = filter.status ? { status: filter.status } : {};
    return this.store.find<CollaborationView>(COLLABORATIONS_COLLECTION, {
      where,
      sort: [{ field: 'openedAt', direction: 'desc' }],
      skip: filter.skip ?? 0,
      limit: filter.limit ?? 50,
    });
  }

  async collaboration(collaborationId: string): Promise<CollaborationView | null> {
    return (await this.store.get<CollaborationView>(COLLABORATIONS_COLLECTION, collaborationId))?.doc ?? null;
  }
}
