import { DomainError, type ReadModelStore } from '@ebp/shared-eventsourcing';
import {
  SIGNING_STEPS,
  archiveDeadline,
  archiveLate,
  copiesChecklist,
  nextSigningStep,
  outstandingDocuments,
  unitStatusAt,
  type SigningStep,
  type Subscription,
  type Unit,
  type UnitStatus,
} from '@ebp/property-sales-domain';
import { PsAccess, type PsReader } from '../shared/access';
import { requireId, requireUnitId } from '../shared/params';
import { SUBSCRIPTIONS_COLLECTION } from '../subscriptions/subscriptions.projection';
import type { SubscriptionView } from '../subscriptions/subscription.view';
import { checklistOf, type CopiesChecklist } from './copies';
import { UNITS_COLLECTION } from './units.projection';

/** PS-7: one of the eleven steps: done (who, when) or still to do. */
export interface SigningStepRow {
  ordinal: number;
  step: SigningStep;
  role: string;
  done: boolean;
  by: string | null;
  at: string | null;
  note: string | null;
}

/** PS-7: the signing of the live subscription, in order, with the archive deadline. */
export interface SigningProgress {
  contractId: string | null;
  steps: SigningStepRow[];
  /** The next step to do, null once archived. */
  nextStep: SigningStep | null;
  nextRole: string | null;
  concluded: boolean;
  /** The signing day (the first step's date). */
  signingDate: string | null;
  /** Remaining copies archived with the developer by this instant (policy 17:00 of the signing day). */
  archiveDueAt: string | null;
  archivedAt: string | null;
  /** PS-7: archived after the deadline, or not archived and the deadline has passed as of `asOf`. */
  archiveLate: boolean;
}

/** PS-1 … PS-9: a unit as of an instant. */
export interface UnitDetailView extends Unit {
  asOf: string;
  /** PS-1: the state shown as of `asOf` (a reservation past its expiry is available again). */
  state: UnitStatus;
  reservationExpired: boolean;
  /** PS-5: mortgage documents of the live subscription's follow-up still to collect. */
  outstandingDocuments: string[];
  signing: SigningProgress | null;
  /** PS-9: the copy checklist of the live subscription's contract (payment method × unit type). */
  copies: CopiesChecklist | null;
}

export function signingProgress(s: Subscription, asOf: string): SigningProgress | null {
  if (s.signingSteps.length === 0) return null;
  const done = new Map(s.signingSteps.map((x) => [x.step, x]));
  const steps = SIGNING_STEPS.map(({ step, role }, i): SigningStepRow => {
    const d = done.get(step);
    return { ordinal: i + 1, step, role, done: !!d, by: d?.by ?? null, at: d?.at ?? null, note: d?.note ?? null };
  });
  const deadline = archiveDeadline(s);
  const next = nextSigningStep(s);
  return {
    contractId: s.contractId,
    steps,
    nextStep: next?.step ?? null,
    nextRole: next?.role ?? null,
    concluded: s.contractedAt !== null,
    signingDate: deadline?.signingDate ?? null,
    archiveDueAt: deadline?.archiveBy ?? null,
    archivedAt: done.get('archived-with-developer')?.at ?? null,
    archiveLate: archiveLate(s, asOf),
  };
}

export function copiesOf(unit: Pick<Unit, 'unitId' | 'type'>, s: Pick<Subscription, 'contractId' | 'paymentMethod'>): CopiesChecklist {
  return checklistOf(copiesChecklist(s.paymentMethod, unit.type), { contractId: s.contractId, unitId: unit.unitId, paymentMethod: s.paymentMethod, unitType: unit.type });
}

/** PS-1 … PS-9 unit views. */
export class PsUnitQueries {
  private readonly access: PsAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new PsAccess(store);
  }

  async unit(unitId: string): Promise<Unit | null> {
    return (await this.store.get<Unit>(UNITS_COLLECTION, unitId))?.doc ?? null;
  }

  /** Any sales-centre role; an agency's people see only their own agency's price sheets. */
  async detail(reader: PsReader, unitId: string, asOf: string): Promise<UnitDetailView> {
    requireUnitId(unitId, 'PS-1');
    const scope = await this.access.scope(reader, 'PS-1', 'units');
    const unit = await this.unit(unitId);
    if (!unit) throw new DomainError('PS-1', `unit ${unitId} is not on sales control`, 'not-found', 'unitId');
    const state = unitStatusAt(unit, asOf);
    const s = unit.subscription;
    return {
      ...unit,
      priceSheets: scope.all ? unit.priceSheets : unit.priceSheets.filter((p) => p.agencyId === scope.agencyId),
      asOf,
      state,
      reservationExpired: unit.status === 'reserved' && state === 'available',
      outstandingDocuments: s ? outstandingDocuments(s.followUp) : [],
      signing: s ? signingProgress(s, asOf) : null,
      copies: s ? copiesOf(unit, s) : null,
    };
  }

  /** PS-9: a contract's copy checklist. */
  async copies(reader: PsReader, contractId: string): Promise<CopiesChecklist> {
    requireId(contractId, 'PS-9', 'contractId');
    await this.access.scope(reader, 'PS-9', 'contract copies');
    const found = await this.store.find<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, { where: { contractId }, limit: 1 });
    const s = found.items[0];
    const unit = s ? await this.unit(s.unitId) : null;
    if (!s || !unit) throw new DomainError('PS-9', `no contract ${contractId}`, 'not-found', 'contractId');
    return copiesOf(unit, s);
  }
}
