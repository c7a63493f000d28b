import type { Condition, ReadModelStore } from '@ebp/shared-eventsourcing';
import { signingListDueAt, type SigningList, type SigningListVersion } from '@ebp/property-sales-domain';
import { PsAccess, type PsReader } from '../shared/access';
import { requireCode, requireDate } from '../shared/params';
import { SIGNING_LISTS_COLLECTION } from './signing-lists.projection';

/** PS-6: an agency's list for the day as of `asOf`: the version then current, and whether it (or its first version) was late. */
export interface SigningListRow {
  projectId: string;
  agencyId: string;
  date: string;
  current: SigningListVersion;
  versions: SigningListVersion[];
  /** The current version came after the deadline. */
  late: boolean;
  /** The first version came after the deadline (the list as such was late). */
  submittedLate: boolean;
}

/** PS-6: a project's signing lists for a signing day. */
export interface SigningListsView {
  projectId: string;
  date: string;
  /** 17:00 (policy) of the day before `date`. */
  dueAt: string;
  asOf: string;
  /** Some agency's list was late. */
  anyLate: boolean;
  items: SigningListRow[];
}

/** PS-6 signing lists: the developer's people all agencies', an agency's people their own. */
export class PsSigningListQueries {
  private readonly access: PsAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new PsAccess(store);
  }

  async ofDay(reader: PsReader, projectId: string, date: string, asOf: string): Promise<SigningListsView> {
    requireCode(projectId, 'PS-6', 'projectId');
    requireDate(date, 'PS-6');
    const scope = await this.access.scope(reader, 'PS-6', 'signing lists');
    const where: Record<string, Condition> = { projectId, date };
    if (!scope.all) where['agencyId'] = scope.agencyId;
    const found = await this.store.find<SigningList>(SIGNING_LISTS_COLLECTION, { where, sort: [{ field: 'agencyId', direction: 'asc' }], limit: 1000 });
    const now = Date.parse(asOf);
    const items = found.items.flatMap((l): SigningListRow[] => {
      const versions = l.versions.filter((v) => Date.parse(v.submittedAt) <= now);
      const current = versions[versions.length - 1];
      if (!current) return [];
      return [{ projectId: l.projectId, agencyId: l.agencyId, date: l.date, current, versions, late: current.late, submittedLate: versions[0].late }];
    });
    return { projectId, date, dueAt: signingListDueAt(date), asOf, anyLate: items.some((l) => l.submittedLate || l.late), items };
  }
}
