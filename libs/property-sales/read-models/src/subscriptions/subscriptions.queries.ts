import { DomainError, type Condition, type ReadModelStore } from '@ebp/shared-eventsourcing';
import { inForce, shanghaiDate, shanghaiInstant } from '@ebp/shared-kernel';
import { DEFAULT_PS_POLICIES, type PsPolicies } from '@ebp/property-sales-domain';
import { PsAccess, SALESPERSON, type PsReader, type PsScope } from '../shared/access';
import { endOfMinute, requireCode, requireId } from '../shared/params';
import { SUBSCRIPTIONS_COLLECTION } from './subscriptions.projection';
import type { MortgageDocumentView, SubscriptionStatus, SubscriptionView } from './subscription.view';

// A project's subscriptions over its selling life fit in one read.
const ALL = 100_000;

export type SubscriptionFlag = 'not-exported' | 'not-handed-over';
export const SUBSCRIPTION_FLAGS: readonly SubscriptionFlag[] = ['not-exported', 'not-handed-over'];

/** PS-4: a signed subscription with its same-day deadline, judged as of `asOf`. */
export interface FlaggedSubscriptionRow {
  subscriptionId: string;
  unitId: string;
  projectId: string;
  customerId: string;
  agencyId: string;
  salespersonId: string;
  totalFen: number;
  status: SubscriptionStatus;
  signedAt: string;
  signedDate: string;
  /** The end of the signing day (policy): exported and handed over before it. */
  dueAt: string;
  /** As known at `asOf`. */
  exportedAt: string | null;
  erpReference: string | null;
  handedOverAt: string | null;
  notExported: boolean;
  notHandedOver: boolean;
}

export interface FlaggedSubscriptionsView {
  flag: SubscriptionFlag | null;
  asOf: string;
  items: FlaggedSubscriptionRow[];
}

/** PS-5: one subscription's follow-up as of `asOf`. */
export interface FollowUpRow {
  subscriptionId: string;
  unitId: string;
  projectId: string;
  customerId: string;
  agencyId: string;
  salespersonId: string;
  status: SubscriptionStatus;
  subscribedAt: string;
  targetSigningDate: string | null;
  contractId: string | null;
  contractedAt: string | null;
  /** The target signing date has passed (as of `asOf`) without a contract. */
  overdue: boolean;
  mortgageDocuments: MortgageDocumentView[];
  /** Documents of the checklist not received as of `asOf`. */
  missingDocuments: string[];
}

export interface FollowUpsView {
  salespersonId: string | null;
  overdueOnly: boolean;
  asOf: string;
  items: FollowUpRow[];
}

const before = (instant: string | null, limit: number): boolean => instant !== null && Date.parse(instant) < limit;
const known = (instant: string | null, asOf: number): string | null => (instant !== null && Date.parse(instant) <= asOf ? instant : null);

/** PS-4: the instant the signing day ends for the hand-over (policy, 23:59 → the next day's 00:00). */
export function handoverDueAt(signedDate: string, policies: PsPolicies = DEFAULT_PS_POLICIES): number {
  return endOfMinute(signedDate, inForce(policies.subscriptionHandoverBy, signedDate).time);
}

/**
 * PS-4: as of `asOf`, a subscription signed on a day that has ended is flagged when it was not
 * exported to the ERP (or not handed to the site manager) before that day's end. Null: not due yet.
 */
export function flagSubscription(s: SubscriptionView, asOf: string, policies: PsPolicies = DEFAULT_PS_POLICIES): FlaggedSubscriptionRow | null {
  if (s.signedAt === null || s.signedDate === null) return null;
  const now = Date.parse(asOf);
  if (Date.parse(s.signedAt) > now) return null;
  const due = handoverDueAt(s.signedDate, policies);
  if (now < due) return null;
  if (before(s.cancelledAt, due)) return null;
  return {
    subscriptionId: s.subscriptionId,
    unitId: s.unitId,
    projectId: s.projectId,
    customerId: s.customerId,
    agencyId: s.agencyId,
    salespersonId: s.salespersonId,
    totalFen: s.totalFen,
    status: s.status,
    signedAt: s.signedAt,
    signedDate: s.signedDate,
    dueAt: shanghaiInstant(due),
    exportedAt: known(s.exportedAt, now),
    erpReference: known(s.exportedAt, now) ? s.erpReference : null,
    handedOverAt: known(s.handedOverAt, now),
    notExported: !before(s.exportedAt, due),
    notHandedOver: !before(s.handedOverAt, due),
  };
}

/** PS-5: the follow-up as of `asOf`: overdue once the target signing date has passed without a contract. */
export function followUpOf(s: SubscriptionView, asOf: string): FollowUpRow {
  const now = Date.parse(asOf);
  const contractedAt = known(s.contractedAt, now);
  const today = shanghaiDate(asOf);
  const documents = (s.followUp?.mortgageDocuments ?? []).map((d) => (d.received && known(d.receivedAt, now) === null ? { ...d, received: false, receivedAt: null, receivedBy: null } : d));
  return {
    subscriptionId: s.subscriptionId,
    unitId: s.unitId,
    projectId: s.projectId,
    customerId: s.customerId,
    agencyId: s.agencyId,
    salespersonId: s.salespersonId,
    status: s.status,
    subscribedAt: s.subscribedAt,
    targetSigningDate: s.targetSigningDate,
    contractId: s.contractId,
    contractedAt,
    overdue: s.targetSigningDate !== null && s.targetSigningDate < today && contractedAt === null && !(s.cancelledAt !== null && Date.parse(s.cancelledAt) <= now),
    mortgageDocuments: documents,
    missingDocuments: documents.filter((d) => !d.received).map((d) => d.document),
  };
}

const agencyWhere = (scope: PsScope): Record<string, Condition> => (scope.all ? {} : { agencyId: scope.agencyId });

/** PS-4 flags and PS-5 follow-ups. */
export class PsSubscriptionQueries {
  private readonly access: PsAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new PsAccess(store);
  }

  /** PS-4: signed subscriptions not exported / not handed over by the end of the signing day, as of `asOf`. */
  async flagged(reader: PsReader, filter: { flag?: SubscriptionFlag; projectId?: string; asOf: string }): Promise<FlaggedSubscriptionsView> {
    if (filter.projectId !== undefined) requireCode(filter.projectId, 'PS-4', 'projectId');
    const scope = await this.access.scope(reader, 'PS-4', 'subscription flags');
    const where: Record<string, Condition> = { ...agencyWhere(scope), signedDate: { $lte: shanghaiDate(filter.asOf) } };
    if (filter.projectId !== undefined) where['projectId'] = filter.projectId;
    const found = await this.store.find<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, {
      where,
      sort: [
        { field: 'signedAt', direction: 'asc' },
        { field: 'subscriptionId', direction: 'asc' },
      ],
      limit: ALL,
    });
    const items = found.items
      .map((s) => flagSubscription(s, filter.asOf))
      .filter((r): r is FlaggedSubscriptionRow => r !== null)
      .filter((r) => (filter.flag === 'not-exported' ? r.notExported : filter.flag === 'not-handed-over' ? r.notHandedOver : r.notExported || r.notHandedOver));
    return { flag: filter.flag ?? null, asOf: filter.asOf, items };
  }

  /**
   * PS-5: follow-ups of the subscriptions not yet contracted or cancelled (or all overdue ones with
   * ?overdue=true): a salesperson their own, an agency supervisor their agency's, the developer all.
   */
  async followUps(reader: PsReader, filter: { salespersonId?: string; overdue: boolean; asOf: string }): Promise<FollowUpsView> {
    if (filter.salespersonId !== undefined) requireId(filter.salespersonId, 'PS-5', 'salespersonId');
    const scope = await this.access.scope(reader, 'PS-5', 'follow-ups');
    const ownOnly = !scope.all && !scope.supervisor && reader.roles.includes(SALESPERSON);
    let salespersonId = filter.salespersonId;
    if (ownOnly) {
      if (salespersonId !== undefined && salespersonId !== reader.userId) throw new DomainError('PS-5', 'a salesperson reads their own follow-ups only', 'forbidden', 'salespersonId');
      salespersonId = reader.userId;
    }
    const where: Record<string, Condition> = { ...agencyWhere(scope), status: { $in: ['subscribed', 'signed', 'contracted'] } };
    if (salespersonId !== undefined) where['salespersonId'] = salespersonId;
    const found = await this.store.find<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, {
      where,
      sort: [
        { field: 'targetSigningDate', direction: 'asc' },
        { field: 'subscriptionId', direction: 'asc' },
      ],
      limit: ALL,
    });
    const now = Date.parse(filter.asOf);
    const items = found.items
      .filter((s) => Date.parse(s.subscribedAt) <= now)
      .map((s) => followUpOf(s, filter.asOf))
      .filter((r) => (filter.overdue ? r.overdue : r.contractedAt === null));
    return { salespersonId: salespersonId ?? null, overdueOnly: filter.overdue, asOf: filter.asOf, items };
  }
}
