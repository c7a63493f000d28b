import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { addMinutes, inForce, isCalendarDate, optionalText, requireOneOf, requireText, shanghaiDate, textList } from '@ebp/shared-kernel';
import { CODE_PATTERN, unitIdOf } from '../shared/streams';
import { CONTRACT_CONCLUDED_AT, DEFAULT_PS_POLICIES, PAYMENT_METHODS, SIGNING_STEPS, UNIT_TYPES, type PaymentMethod, type PsPolicies, type SigningStep, type UnitType } from '../shared/ps.policy';
import type { CustomerRef, SalesActor, UnitCommand } from './unit.commands';
import type { Discount, PriceSheetRecorded, SigningErrorRecorded, UnitEvent } from './unit.events';

/**
 * PS-1: the unit's state on sales control as recorded. A reservation past its `expiresAt` stays
 * `reserved` here (no event ends it): `unitStatusAt` gives the state at an instant.
 */
export type UnitStatus = 'available' | 'reserved' | 'held' | 'subscribed' | 'contracted';
export const UNIT_STATUSES: readonly UnitStatus[] = ['available', 'reserved', 'held', 'subscribed', 'contracted'];

export interface Reservation {
  customerId: string;
  salespersonId: string;
  agencyId: string;
  reservedAt: string;
  expiresAt: string;
}

/** PS-1: one approved list price at a time; the history keeps who approved each. */
export interface PriceVersion {
  listPriceFen: number;
  approvedBy: string;
  reason: string | null;
  at: string;
}

export type PriceSheet = Omit<PriceSheetRecorded['data'], 'unitId'> & {
  decision: { approved: boolean; by: string; reason: string | null; at: string } | null;
};

export interface SigningStepRecord {
  step: SigningStep;
  ordinal: number;
  role: string;
  by: string;
  note: string | null;
  at: string;
}

export type SigningErrorRecord = Omit<SigningErrorRecorded['data'], 'unitId' | 'subscriptionId'>;

export interface FollowUp {
  targetSigningDate: string;
  mortgageDocuments: string[];
  received: string[];
  by: string;
  at: string;
}

/** PS-4 … PS-8: one subscription of the unit, from UnitSubscribed to the contract. */
export interface Subscription {
  subscriptionId: string;
  customerId: string;
  salespersonId: string;
  agencyId: string;
  priceSheetId: string;
  paymentMethod: PaymentMethod;
  totalFen: number;
  subscribedAt: string;
  deposit: { depositFen: number; receiptNo: string; by: string; at: string } | null;
  formIssued: { by: string; at: string } | null;
  reviewed: { by: string; at: string } | null;
  signed: { agreements: string[]; at: string } | null;
  customerCopy: { by: string; at: string } | null;
  erpExport: { erpReference: string; by: string; at: string } | null;
  handedToSiteManager: { siteManagerId: string; by: string; at: string } | null;
  followUp: FollowUp | null;
  /** Made at the first signing step (PS-7). */
  contractId: string | null;
  signingSteps: SigningStepRecord[];
  contractedAt: string | null;
  signingErrors: SigningErrorRecord[];
  cancelled: { reason: string; by: string; at: string } | null;
}

export interface Unit {
  status: UnitStatus;
  unitId: string;
  projectId: string;
  buildingId: string;
  number: string;
  floor: number;
  type: UnitType;
  areaCentiSqm: number;
  listPriceFen: number;
  listedBy: string;
  listedAt: string;
  /** Oldest first; the last is the price in force. */
  prices: PriceVersion[];
  hold: { by: string; reason: string; at: string } | null;
  reservation: Reservation | null;
  priceSheets: PriceSheet[];
  /** The current subscription (null when none, or after a cancellation). */
  subscription: Subscription | null;
  /** Cancelled subscriptions, oldest first. */
  cancelledSubscriptions: Subscription[];
}

export type UnitState = { status: 'none' } | Unit;

export const initialUnitState = (): UnitState => ({ status: 'none' });

const RULE = 'PS-1';
/** Area up to 100 000 m², far above any unit. */
export const MAX_AREA_CENTI_SQM = 10_000_000;
/** ¥1 000 000 000.00: far above any unit's price, a safe integer in every sum. */
export const MAX_PRICE_FEN = 100_000_000_000;
export const MAX_FLOORS = 200;

const ms = (instant: string): number => Date.parse(instant);

/** PS-1: the reservation in force at `now` (null once past its expiry). */
export function activeReservation(unit: Pick<Unit, 'status' | 'reservation'>, now: string): Reservation | null {
  if (unit.status !== 'reserved' || unit.reservation === null) return null;
  return ms(now) < ms(unit.reservation.expiresAt) ? unit.reservation : null;
}

/** PS-1: the unit's state at `now`: a reservation past `expiresAt` counts as available. */
export function unitStatusAt(unit: Pick<Unit, 'status' | 'reservation'>, now: string): UnitStatus {
  if (unit.status === 'reserved' && activeReservation(unit, now) === null) return 'available';
  return unit.status;
}

/** PS-7: the next of the eleven steps (null once all are done). */
export function nextSigningStep(subscription: Pick<Subscription, 'signingSteps'>): (typeof SIGNING_STEPS)[number] | null {
  return SIGNING_STEPS[subscription.signingSteps.length] ?? null;
}

/** PS-7: the signing day (of the first step) and the archiving deadline of the policy; null before the first step. */
export function archiveDeadline(subscription: Pick<Subscription, 'signingSteps'>, policies: PsPolicies = DEFAULT_PS_POLICIES): { signingDate: string; archiveBy: string } | null {
  const first = subscription.signingSteps[0];
  if (!first) return null;
  const signingDate = shanghaiDate(first.at);
  return { signingDate, archiveBy: `${signingDate}T${inForce(policies.archiveBy, signingDate).time}:00+08:00` };
}

/** PS-7: archived after the deadline, or not archived and the deadline has passed at `asOf`. */
export function archiveLate(subscription: Pick<Subscription, 'signingSteps'>, asOf: string, policies: PsPolicies = DEFAULT_PS_POLICIES): boolean {
  const deadline = archiveDeadline(subscription, policies);
  if (!deadline) return false;
  const archived = subscription.signingSteps.find((s) => s.step === 'archived-with-developer');
  return ms(archived ? archived.at : asOf) > ms(deadline.archiveBy);
}

/** PS-5: mortgage documents of the follow-up not yet received. */
export function outstandingDocuments(followUp: FollowUp | null): string[] {
  return followUp ? followUp.mortgageDocuments.filter((d) => !followUp.received.includes(d)) : [];
}

/** PS-3: discount ÷ list price in basis points, rounded up (so 300.01 bp counts as above 300). */
export function discountBasisPoints(discountFen: number, listPriceFen: number): number {
  return Math.ceil((discountFen * 10_000) / listPriceFen);
}

const hasRole = (actor: SalesActor, role: string): boolean => actor.roles.includes(role);
/** An agency role acting for `agencyId`: the role, and a member of that agency. */
const actsFor = (actor: SalesActor, role: string, agencyId: string): boolean => hasRole(actor, role) && actor.agencyId === agencyId;

function existing(state: UnitState, unitId: string): Unit {
  if (state.status === 'none') throw new DomainError(RULE, `unit ${unitId} is not on sales control`, 'not-found', 'unitId');
  return state;
}

function requireCode(value: string, field: string): string {
  if (typeof value !== 'string' || !CODE_PATTERN.test(value)) {
    throw new DomainError(RULE, `${field} must be 1-32 letters, digits, _ or - (no dots), got '${String(value)}'`, 'invalid', field);
  }
  return value;
}

function requireWhole(value: number, field: string, min: number, max: number, rule = RULE): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new DomainError(rule, `${field} must be a whole number from ${min} to ${max}, got ${String(value)}`, 'invalid', field);
  }
  return value;
}

const requirePrice = (value: number, field = 'listPriceFen', rule = RULE): number => requireWhole(value, field, 1, MAX_PRICE_FEN, rule);

function describe(unit: Unit, now: string): string {
  const status = unitStatusAt(unit, now);
  switch (status) {
    case 'reserved':
      return `reserved for customer ${unit.reservation!.customerId} until ${unit.reservation!.expiresAt}`;
    case 'subscribed':
      return `subscribed by customer ${unit.subscription!.customerId}`;
    case 'contracted':
      return `contracted to customer ${unit.subscription!.customerId}`;
    default:
      return status;
  }
}

/** PS-2: a registered customer, owned by the caller's agency. */
function requireOwnCustomer(customerId: string, customer: CustomerRef | null, actor: SalesActor): CustomerRef {
  const id = requireText(customerId, 'customerId', 'PS-2');
  if (customer === null || customer.customerId !== id) {
    throw new DomainError('PS-2', `customer ${id} is not registered: register the visitor first`, 'not-found', 'customerId');
  }
  if (actor.agencyId !== customer.agencyId) {
    throw new DomainError('PS-2', `customer ${id} belongs to agency ${customer.agencyId}, not the caller's`, 'forbidden', 'customerId');
  }
  return customer;
}

function requireRole(actor: SalesActor, roles: readonly string[], rule: string, what: string): void {
  if (!roles.some((r) => hasRole(actor, r))) throw new DomainError(rule, `${what} needs the role ${roles.join(' or ')}`, 'forbidden');
}

function requireAgencyRole(actor: SalesActor, role: string, agencyId: string, rule: string, what: string): void {
  if (!hasRole(actor, role)) throw new DomainError(rule, `${what} needs the role ${role}`, 'forbidden');
  if (actor.agencyId !== agencyId) throw new DomainError(rule, `${what} is for a ${role} of agency ${agencyId}`, 'forbidden');
}

function discountsOf(discounts: Discount[]): Discount[] {
  if (!Array.isArray(discounts)) throw new DomainError('PS-3', 'discounts must be a list', 'invalid', 'discounts');
  return discounts.map((d, i) => ({
    reason: requireText(d?.reason, `discounts[${i}].reason`, 'PS-3'),
    amountFen: requireWhole(d?.amountFen, `discounts[${i}].amountFen`, 1, MAX_PRICE_FEN, 'PS-3'),
  }));
}

/** The current subscription, 404 naming `rule` when there is none. */
function subscriptionOf(unit: Unit, rule: string): Subscription {
  if (unit.subscription === null) throw new DomainError(rule, `unit ${unit.unitId} has no subscription`, 'not-found', 'unitId');
  return unit.subscription;
}

/** PS-4: the step before must be done. */
function after(done: unknown, rule: string, message: string): void {
  if (done === null || done === undefined) throw new DomainError(rule, message, 'rule');
}

const ofSub = (unit: Unit, sub: Subscription) => ({ unitId: unit.unitId, subscriptionId: sub.subscriptionId });

export function decideUnit(command: UnitCommand, state: UnitState, policies: PsPolicies = DEFAULT_PS_POLICIES): UnitEvent[] {
  const now = command.metadata.now;
  const today = shanghaiDate(now);
  switch (command.type) {
    case 'ListUnit': {
      const d = command.data;
      const projectId = requireCode(d.projectId, 'projectId');
      const buildingId = requireCode(d.buildingId, 'buildingId');
      const number = requireCode(d.number, 'number');
      if (d.unitId !== unitIdOf(projectId, buildingId, number)) throw new DomainError(RULE, `unitId must be ${unitIdOf(projectId, buildingId, number)}`, 'invalid', 'unitId');
      const floors = requireWhole(d.buildingFloors, 'buildingFloors', 1, MAX_FLOORS);
      const floor = requireWhole(d.floor, 'floor', 1, floors);
      const type = requireOneOf(d.type, UNIT_TYPES, 'type', RULE);
      const areaCentiSqm = requireWhole(d.areaCentiSqm, 'areaCentiSqm', 1, MAX_AREA_CENTI_SQM);
      const listPriceFen = requirePrice(d.listPriceFen);
      if (state.status !== 'none') {
        const same = state.floor === floor && state.type === type && state.areaCentiSqm === areaCentiSqm && state.listPriceFen === listPriceFen;
        if (same) return [];
        throw new DomainError(
          RULE,
          `unit ${d.unitId} is already listed (floor ${state.floor}, ${state.type}, ${state.areaCentiSqm} centi-m², ${state.listPriceFen} fen); change its price with a price change`,
          'conflict',
          'number',
        );
      }
      return [
        {
          type: 'UnitListed',
          data: { unitId: d.unitId, projectId, buildingId, number, floor, type, areaCentiSqm, listPriceFen, priceApprovedBy: d.by, listedBy: d.by, listedAt: now },
        },
      ];
    }
    case 'ChangeUnitPrice': {
      const unit = existing(state, command.data.unitId);
      const listPriceFen = requirePrice(command.data.listPriceFen);
      const reason = requireText(command.data.reason, 'reason', RULE);
      const status = unitStatusAt(unit, now);
      if (status === 'subscribed' || status === 'contracted') throw new DomainError(RULE, `unit ${unit.unitId} is ${describe(unit, now)}: its price is settled`, 'rule', 'listPriceFen');
      if (listPriceFen === unit.listPriceFen) return [];
      return [{ type: 'UnitPriceChanged', data: { unitId: unit.unitId, listPriceFen, previousPriceFen: unit.listPriceFen, approvedBy: command.data.by, reason, changedAt: now } }];
    }
    case 'HoldUnit': {
      const unit = existing(state, command.data.unitId);
      const reason = requireText(command.data.reason, 'reason', RULE);
      const status = unitStatusAt(unit, now);
      if (status === 'held') return [];
      if (status !== 'available') throw new DomainError(RULE, `unit ${unit.unitId} is ${describe(unit, now)}: only an available unit can be held back`, 'rule');
      return [{ type: 'UnitHeldBack', data: { unitId: unit.unitId, by: command.data.by, reason, at: now } }];
    }
    case 'ReleaseUnit': {
      const unit = existing(state, command.data.unitId);
      if (unit.status !== 'held') return [];
      return [{ type: 'UnitReleased', data: { unitId: unit.unitId, by: command.data.by, at: now } }];
    }
    case 'ReserveUnit': {
      const unit = existing(state, command.data.unitId);
      const actor = command.data.by;
      requireRole(actor, ['salesperson'], RULE, 'reserving a unit');
      const customer = requireOwnCustomer(command.data.customerId, command.data.customer, actor);
      const status = unitStatusAt(unit, now);
      const reservation = activeReservation(unit, now);
      if (reservation && reservation.customerId === customer.customerId) return [];
      if (status === 'held') throw new DomainError(RULE, `unit ${unit.unitId} is held back by the developer`, 'rule');
      if (status !== 'available') throw new DomainError(RULE, `unit ${unit.unitId} is ${describe(unit, now)}`, 'conflict');
      const hours = inForce(policies.reservationHours, today).hours;
      const expiresAt = addMinutes(now, hours * 60);
      return [
        {
          type: 'UnitReserved',
          data: { unitId: unit.unitId, customerId: customer.customerId, salespersonId: actor.staffId, agencyId: customer.agencyId, reservedAt: now, expiresAt },
        },
      ];
    }
    case 'CancelReservation': {
      const unit = existing(state, command.data.unitId);
      const actor = command.data.by;
      const reservation = activeReservation(unit, now);
      if (reservation === null) return [];
      const allowed = actor.staffId === reservation.salespersonId || actsFor(actor, 'agency-supervisor', reservation.agencyId) || hasRole(actor, 'site-manager');
      if (!allowed) throw new DomainError(RULE, `the reservation is cancelled by its salesperson ${reservation.salespersonId}, the supervisor of agency ${reservation.agencyId} or the site manager`, 'forbidden');
      return [{ type: 'UnitReservationCancelled', data: { unitId: unit.unitId, customerId: reservation.customerId, by: actor.staffId, at: now } }];
    }
    case 'RecordPriceSheet': {
      const unit = existing(state, command.data.unitId);
      const actor = command.data.by;
      requireRole(actor, ['salesperson'], 'PS-3', 'recording a price sheet');
      const priceSheetId = requireText(command.data.priceSheetId, 'priceSheetId', 'PS-3');
      const customer = requireOwnCustomer(command.data.customerId, command.data.customer, actor);
      const paymentMethod = requireOneOf(command.data.paymentMethod, PAYMENT_METHODS, 'paymentMethod', 'PS-3');
      const discounts = discountsOf(command.data.discounts);
      // PS-3: recorded only after checking sales control: available, or reserved for this customer.
      const status = unitStatusAt(unit, now);
      const reservation = activeReservation(unit, now);
      const forThisCustomer = reservation !== null && reservation.customerId === customer.customerId;
      if (status === 'held') throw new DomainError('PS-3', `unit ${unit.unitId} is held back by the developer`, 'rule');
      if (status !== 'available' && !forThisCustomer) throw new DomainError('PS-3', `unit ${unit.unitId} is ${describe(unit, now)}: no price sheet for it`, 'conflict');
      if (unit.priceSheets.some((s) => s.priceSheetId === priceSheetId)) throw new DomainError('PS-3', `price sheet ${priceSheetId} already exists`, 'conflict', 'priceSheetId');
      const discountFen = discounts.reduce((sum, d) => sum + d.amountFen, 0);
      if (discountFen >= unit.listPriceFen) {
        throw new DomainError('PS-3', `the discounts (${discountFen} fen) must be less than the list price (${unit.listPriceFen} fen)`, 'rule', 'discounts');
      }
      const basisPoints = discountBasisPoints(discountFen, unit.listPriceFen);
      return [
        {
          type: 'PriceSheetRecorded',
          data: {
            unitId: unit.unitId,
            priceSheetId,
            customerId: customer.customerId,
            salespersonId: actor.staffId,
            agencyId: customer.agencyId,
            listPriceFen: unit.listPriceFen,
            discounts,
            discountFen,
            discountBasisPoints: basisPoints,
            paymentMethod,
            totalFen: unit.listPriceFen - discountFen,
            needsApproval: basisPoints > inForce(policies.discountApprovalAbove, today).basisPoints,
            recordedAt: now,
          },
        },
      ];
    }
    case 'DecidePriceSheet': {
      const unit = existing(state, command.data.unitId);
      const actor = command.data.by;
      const sheet = unit.priceSheets.find((s) => s.priceSheetId === command.data.priceSheetId);
      if (!sheet) throw new DomainError('PS-3', `unit ${unit.unitId} has no price sheet ${command.data.priceSheetId}`, 'not-found', 'priceSheetId');
      requireAgencyRole(actor, 'agency-supervisor', sheet.agencyId, 'PS-3', 'deciding a price sheet');
      if (!sheet.needsApproval) throw new DomainError('PS-3', `price sheet ${sheet.priceSheetId} has a discount within the policy (${sheet.discountBasisPoints} bp): it needs no approval`, 'rule');
      const approved = command.data.approved;
      const reason = optionalText(command.data.reason, 'reason', 'PS-3');
      if (!approved && reason === null) throw new DomainError('PS-3', 'a rejection needs a reason', 'invalid', 'reason');
      if (sheet.decision) {
        if (sheet.decision.approved === approved) return [];
        throw new DomainError('PS-3', `price sheet ${sheet.priceSheetId} was already ${sheet.decision.approved ? 'approved' : 'rejected'} by ${sheet.decision.by}`, 'conflict');
      }
      return [{ type: 'PriceSheetDecided', data: { unitId: unit.unitId, priceSheetId: sheet.priceSheetId, approved, by: actor.staffId, reason, at: now } }];
    }
    case 'SubscribeUnit': {
      const unit = existing(state, command.data.unitId);
      const actor = command.data.by;
      const subscriptionId = requireText(command.data.subscriptionId, 'subscriptionId', 'PS-4');
      const sheet = unit.priceSheets.find((s) => s.priceSheetId === command.data.priceSheetId);
      if (!sheet) throw new DomainError('PS-3', `unit ${unit.unitId} has no price sheet ${command.data.priceSheetId}`, 'not-found', 'priceSheetId');
      requireAgencyRole(actor, 'salesperson', sheet.agencyId, 'PS-4', 'subscribing with this price sheet');
      const current = unit.subscription;
      if (current && current.subscriptionId === subscriptionId && current.priceSheetId === sheet.priceSheetId) return [];
      // PS-1: one customer only. A concurrent winner makes the loser's retry land here.
      const status = unitStatusAt(unit, now);
      if (status === 'subscribed' || status === 'contracted') throw new DomainError(RULE, `unit ${unit.unitId} is already ${describe(unit, now)}`, 'conflict');
      if (status === 'held') throw new DomainError(RULE, `unit ${unit.unitId} is held back by the developer`, 'rule');
      const reservation = activeReservation(unit, now);
      if (reservation && reservation.customerId !== sheet.customerId) throw new DomainError(RULE, `unit ${unit.unitId} is ${describe(unit, now)}`, 'conflict');
      if (sheet.needsApproval && sheet.decision?.approved !== true) {
        const why = sheet.decision ? `was rejected by ${sheet.decision.by}` : 'awaits the agency supervisor’s approval';
        throw new DomainError('PS-3', `price sheet ${sheet.priceSheetId} discounts ${sheet.discountBasisPoints} bp, above the policy, and ${why}`, 'rule', 'priceSheetId');
      }
      if (sheet.listPriceFen !== unit.listPriceFen) {
        throw new DomainError('PS-3', `the list price changed from ${sheet.listPriceFen} to ${unit.listPriceFen} fen since price sheet ${sheet.priceSheetId}: record a new one`, 'rule', 'priceSheetId');
      }
      return [
        {
          type: 'UnitSubscribed',
          data: {
            unitId: unit.unitId,
            subscriptionId,
            customerId: sheet.customerId,
            salespersonId: actor.staffId,
            agencyId: sheet.agencyId,
            priceSheetId: sheet.priceSheetId,
            paymentMethod: sheet.paymentMethod,
            totalFen: sheet.totalFen,
            subscribedAt: now,
          },
        },
      ];
    }
    case 'RecordDeposit': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      requireRole(command.data.by, ['finance'], 'PS-4', 'recording the deposit');
      const depositFen = requireWhole(command.data.depositFen, 'depositFen', 1, sub.totalFen, 'PS-4');
      const receiptNo = requireText(command.data.receiptNo, 'receiptNo', 'PS-4');
      if (sub.deposit) {
        if (sub.deposit.depositFen === depositFen && sub.deposit.receiptNo === receiptNo) return [];
        throw new DomainError('PS-4', `the deposit is already recorded (${sub.deposit.depositFen} fen, receipt ${sub.deposit.receiptNo})`, 'conflict');
      }
      return [{ type: 'SubscriptionDepositRecorded', data: { ...ofSub(unit, sub), depositFen, receiptNo, by: command.data.by.staffId, at: now } }];
    }
    case 'IssueSubscriptionForm': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      requireAgencyRole(command.data.by, 'salesperson', sub.agencyId, 'PS-4', 'issuing the subscription form');
      after(sub.deposit, 'PS-4', 'the subscription form is issued after finance records the deposit');
      if (sub.formIssued) return [];
      return [{ type: 'SubscriptionFormIssued', data: { ...ofSub(unit, sub), by: command.data.by.staffId, at: now } }];
    }
    case 'ReviewSubscription': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      requireAgencyRole(command.data.by, 'agency-supervisor', sub.agencyId, 'PS-4', 'reviewing the subscription');
      after(sub.formIssued, 'PS-4', 'the subscription form is reviewed after it is issued');
      if (sub.reviewed) return [];
      return [{ type: 'SubscriptionReviewed', data: { ...ofSub(unit, sub), by: command.data.by.staffId, at: now } }];
    }
    case 'SignSubscription': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      requireAgencyRole(command.data.by, 'salesperson', sub.agencyId, 'PS-4', 'recording the customer’s signature');
      const agreements = textList(command.data.agreements, 'agreements', 'PS-4');
      after(sub.reviewed, 'PS-4', 'the customer signs after the agency supervisor reviews the subscription form');
      if (sub.signed) return [];
      return [
        {
          type: 'SubscriptionSigned',
          data: {
            ...ofSub(unit, sub),
            customerId: sub.customerId,
            salespersonId: sub.salespersonId,
            agencyId: sub.agencyId,
            agreements,
            paymentMethod: sub.paymentMethod,
            totalFen: sub.totalFen,
            depositFen: sub.deposit!.depositFen,
            signedAt: now,
          },
        },
      ];
    }
    case 'HandOverCustomerCopy': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      const actor = command.data.by;
      if (!actsFor(actor, 'salesperson', sub.agencyId) && !actsFor(actor, 'agency-supervisor', sub.agencyId)) {
        throw new DomainError('PS-4', `the customer's copy is handed over by a salesperson or the supervisor of agency ${sub.agencyId}`, 'forbidden');
      }
      after(sub.signed, 'PS-4', "the customer's copy is handed over once the customer has signed");
      if (sub.customerCopy) return [];
      return [{ type: 'CustomerCopyHandedOver', data: { ...ofSub(unit, sub), by: actor.staffId, at: now } }];
    }
    case 'ExportSubscriptionToErp': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      requireRole(command.data.by, ['site-manager'], 'PS-4', 'recording the ERP export');
      const erpReference = requireText(command.data.erpReference, 'erpReference', 'PS-4');
      after(sub.signed, 'PS-4', 'a subscription is exported to the ERP once signed');
      if (sub.erpExport) {
        if (sub.erpExport.erpReference === erpReference) return [];
        throw new DomainError('PS-4', `the subscription is already in the ERP as ${sub.erpExport.erpReference}`, 'conflict', 'erpReference');
      }
      return [{ type: 'SubscriptionExportedToErp', data: { ...ofSub(unit, sub), erpReference, by: command.data.by.staffId, at: now } }];
    }
    case 'HandSubscriptionToSiteManager': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      requireRole(command.data.by, ['site-manager'], 'PS-4', 'receiving the subscription');
      after(sub.signed, 'PS-4', 'a subscription is handed to the site manager once signed');
      if (sub.handedToSiteManager) return [];
      const by = command.data.by.staffId;
      return [{ type: 'SubscriptionHandedToSiteManager', data: { ...ofSub(unit, sub), siteManagerId: by, by, at: now } }];
    }
    case 'CancelSubscription': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-4');
      const actor = command.data.by;
      if (!actsFor(actor, 'agency-supervisor', sub.agencyId) && !hasRole(actor, 'site-manager')) {
        throw new DomainError('PS-4', `a subscription is cancelled by the supervisor of agency ${sub.agencyId} or the site manager`, 'forbidden');
      }
      const reason = requireText(command.data.reason, 'reason', 'PS-4');
      if (sub.contractedAt) throw new DomainError('PS-4', `unit ${unit.unitId} is contracted (contract ${sub.contractId}): a subscription cannot be cancelled after the contract`, 'rule');
      return [{ type: 'SubscriptionCancelled', data: { ...ofSub(unit, sub), reason, by: actor.staffId, at: now } }];
    }
    case 'ScheduleFollowUp': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-5');
      requireAgencyRole(command.data.by, 'salesperson', sub.agencyId, 'PS-5', 'scheduling the follow-up');
      const targetSigningDate = command.data.targetSigningDate;
      if (typeof targetSigningDate !== 'string' || !isCalendarDate(targetSigningDate)) {
        throw new DomainError('PS-5', 'targetSigningDate must be a calendar date YYYY-MM-DD', 'invalid', 'targetSigningDate');
      }
      const subscribedOn = shanghaiDate(sub.subscribedAt);
      if (targetSigningDate < subscribedOn) throw new DomainError('PS-5', `targetSigningDate ${targetSigningDate} is before the subscription (${subscribedOn})`, 'rule', 'targetSigningDate');
      const mortgageDocuments = textList(command.data.mortgageDocuments, 'mortgageDocuments', 'PS-5');
      if (sub.contractedAt) throw new DomainError('PS-5', `unit ${unit.unitId} is already contracted`, 'rule');
      const f = sub.followUp;
      if (f && f.targetSigningDate === targetSigningDate && f.mortgageDocuments.join('\n') === mortgageDocuments.join('\n')) return [];
      return [{ type: 'FollowUpScheduled', data: { ...ofSub(unit, sub), targetSigningDate, mortgageDocuments, by: command.data.by.staffId, at: now } }];
    }
    case 'ReceiveMortgageDocument': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-5');
      requireAgencyRole(command.data.by, 'salesperson', sub.agencyId, 'PS-5', 'recording a mortgage document');
      const document = requireText(command.data.document, 'document', 'PS-5');
      if (!sub.followUp) throw new DomainError('PS-5', 'schedule the follow-up with its mortgage documents first', 'rule');
      if (!sub.followUp.mortgageDocuments.includes(document)) {
        throw new DomainError('PS-5', `'${document}' is not on the mortgage-document checklist (${sub.followUp.mortgageDocuments.join(', ') || 'empty'})`, 'rule', 'document');
      }
      if (sub.followUp.received.includes(document)) return [];
      return [{ type: 'MortgageDocumentReceived', data: { ...ofSub(unit, sub), document, by: command.data.by.staffId, at: now } }];
    }
    case 'CompleteSigningStep': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-7');
      const actor = command.data.by;
      const index = SIGNING_STEPS.findIndex((s) => s.step === command.data.step);
      if (index < 0) {
        throw new DomainError('PS-7', `step must be one of ${SIGNING_STEPS.map((s, i) => `${i + 1} ${s.step}`).join(', ')}`, 'invalid', 'step');
      }
      const { step, role } = SIGNING_STEPS[index];
      const ordinal = index + 1;
      const agencyRole = role === 'salesperson' || role === 'agency-supervisor';
      if (!hasRole(actor, role)) throw new DomainError('PS-7', `step ${ordinal} ${step} is done by the ${role}`, 'forbidden');
      if (agencyRole && actor.agencyId !== sub.agencyId) throw new DomainError('PS-7', `step ${ordinal} ${step} is done by the ${role} of agency ${sub.agencyId}`, 'forbidden');
      if (!sub.signed) throw new DomainError('PS-7', 'the contract is signed after the subscription is signed (PS-4)', 'rule');
      if (index < sub.signingSteps.length) return [];
      if (index > sub.signingSteps.length) {
        const next = nextSigningStep(sub)!;
        throw new DomainError('PS-7', `step ${ordinal} ${step} is out of order: the next step is ${sub.signingSteps.length + 1} ${next.step}`, 'rule', 'step');
      }
      if (index === 0) {
        const outstanding = outstandingDocuments(sub.followUp);
        if (outstanding.length > 0) throw new DomainError('PS-7', `mortgage documents outstanding: ${outstanding.join(', ')}`, 'rule', 'step');
      }
      const contractId = sub.contractId ?? requireText(command.data.contractId, 'contractId', 'PS-7');
      const events: UnitEvent[] = [
        {
          type: 'SigningStepCompleted',
          data: { ...ofSub(unit, sub), contractId, step, ordinal, role, by: actor.staffId, note: optionalText(command.data.note, 'note', 'PS-7'), at: now },
        },
      ];
      if (step === CONTRACT_CONCLUDED_AT) {
        events.push({
          type: 'UnitContracted',
          data: {
            ...ofSub(unit, sub),
            contractId,
            customerId: sub.customerId,
            salespersonId: sub.salespersonId,
            agencyId: sub.agencyId,
            paymentMethod: sub.paymentMethod,
            totalFen: sub.totalFen,
            contractedAt: now,
          },
        });
      }
      return events;
    }
    case 'RecordSigningError': {
      const unit = existing(state, command.data.unitId);
      const sub = subscriptionOf(unit, 'PS-8');
      requireRole(command.data.by, ['contract-administrator', 'site-manager'], 'PS-8', 'recording a signing error');
      const errorId = requireText(command.data.errorId, 'errorId', 'PS-8');
      const description = requireText(command.data.description, 'description', 'PS-8');
      const responsibleSalespersonId = requireText(command.data.responsibleSalespersonId, 'responsibleSalespersonId', 'PS-8');
      if (sub.contractId === null) throw new DomainError('PS-8', `unit ${unit.unitId} has no contract yet: the signing has not started`, 'rule');
      if (sub.signingErrors.some((e) => e.errorId === errorId)) return [];
      return [
        {
          type: 'SigningErrorRecorded',
          data: {
            ...ofSub(unit, sub),
            contractId: sub.contractId,
            errorId,
            description,
            responsibleSalespersonId,
            fineFen: inForce(policies.signingErrorFineFen, today).fen,
            changeRequest: { authority: 'housing-authority', reason: description },
            by: command.data.by.staffId,
            at: now,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy: Partial<T> = { ...value };
  for (const key of keys) delete copy[key];
  return copy as Omit<T, K>;
}

function withSubscription(state: UnitState, subscriptionId: string, change: (sub: Subscription) => Subscription): UnitState {
  if (state.status === 'none' || state.subscription === null || state.subscription.subscriptionId !== subscriptionId) return state;
  return { ...state, subscription: change(state.subscription) };
}

export function evolveUnit(state: UnitState, event: UnitEvent): UnitState {
  if (event.type === 'UnitListed') {
    const d = event.data;
    return {
      status: 'available',
      unitId: d.unitId,
      projectId: d.projectId,
      buildingId: d.buildingId,
      number: d.number,
      floor: d.floor,
      type: d.type,
      areaCentiSqm: d.areaCentiSqm,
      listPriceFen: d.listPriceFen,
      listedBy: d.listedBy,
      listedAt: d.listedAt,
      prices: [{ listPriceFen: d.listPriceFen, approvedBy: d.priceApprovedBy, reason: null, at: d.listedAt }],
      hold: null,
      reservation: null,
      priceSheets: [],
      subscription: null,
      cancelledSubscriptions: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'UnitPriceChanged': {
      const d = event.data;
      return { ...state, listPriceFen: d.listPriceFen, prices: [...state.prices, { listPriceFen: d.listPriceFen, approvedBy: d.approvedBy, reason: d.reason, at: d.changedAt }] };
    }
    case 'UnitHeldBack':
      return { ...state, status: 'held', reservation: null, hold: { by: event.data.by, reason: event.data.reason, at: event.data.at } };
    case 'UnitReleased':
      return { ...state, status: 'available', hold: null };
    case 'UnitReserved': {
      const { customerId, salespersonId, agencyId, reservedAt, expiresAt } = event.data;
      return { ...state, status: 'reserved', reservation: { customerId, salespersonId, agencyId, reservedAt, expiresAt } };
    }
    case 'UnitReservationCancelled':
      return { ...state, status: 'available', reservation: null };
    case 'PriceSheetRecorded': {
      const sheet: PriceSheet = { ...without(event.data, 'unitId'), decision: null };
      return { ...state, priceSheets: [...state.priceSheets, sheet] };
    }
    case 'PriceSheetDecided': {
      const { priceSheetId, approved, by, reason, at } = event.data;
      return { ...state, priceSheets: state.priceSheets.map((s) => (s.priceSheetId === priceSheetId ? { ...s, decision: { approved, by, reason, at } } : s)) };
    }
    case 'UnitSubscribed': {
      const d = event.data;
      return {
        ...state,
        status: 'subscribed',
        reservation: null,
        subscription: {
          subscriptionId: d.subscriptionId,
          customerId: d.customerId,
          salespersonId: d.salespersonId,
          agencyId: d.agencyId,
          priceSheetId: d.priceSheetId,
          paymentMethod: d.paymentMethod,
          totalFen: d.totalFen,
          subscribedAt: d.subscribedAt,
          deposit: null,
          formIssued: null,
          reviewed: null,
          signed: null,
          customerCopy: null,
          erpExport: null,
          handedToSiteManager: null,
          followUp: null,
          contractId: null,
          signingSteps: [],
          contractedAt: null,
          signingErrors: [],
          cancelled: null,
        },
      };
    }
    case 'SubscriptionDepositRecorded': {
      const { depositFen, receiptNo, by, at } = event.data;
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, deposit: { depositFen, receiptNo, by, at } }));
    }
    case 'SubscriptionFormIssued':
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, formIssued: { by: event.data.by, at: event.data.at } }));
    case 'SubscriptionReviewed':
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, reviewed: { by: event.data.by, at: event.data.at } }));
    case 'SubscriptionSigned':
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, signed: { agreements: event.data.agreements, at: event.data.signedAt } }));
    case 'CustomerCopyHandedOver':
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, customerCopy: { by: event.data.by, at: event.data.at } }));
    case 'SubscriptionExportedToErp': {
      const { erpReference, by, at } = event.data;
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, erpExport: { erpReference, by, at } }));
    }
    case 'SubscriptionHandedToSiteManager': {
      const { siteManagerId, by, at } = event.data;
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, handedToSiteManager: { siteManagerId, by, at } }));
    }
    case 'SubscriptionCancelled': {
      const sub = state.subscription;
      if (sub === null || sub.subscriptionId !== event.data.subscriptionId) return state;
      const { reason, by, at } = event.data;
      return { ...state, status: 'available', subscription: null, cancelledSubscriptions: [...state.cancelledSubscriptions, { ...sub, cancelled: { reason, by, at } }] };
    }
    case 'FollowUpScheduled': {
      const { targetSigningDate, mortgageDocuments, by, at } = event.data;
      return withSubscription(state, event.data.subscriptionId, (s) => ({
        ...s,
        followUp: { targetSigningDate, mortgageDocuments, received: (s.followUp?.received ?? []).filter((d) => mortgageDocuments.includes(d)), by, at },
      }));
    }
    case 'MortgageDocumentReceived':
      return withSubscription(state, event.data.subscriptionId, (s) =>
        s.followUp ? { ...s, followUp: { ...s.followUp, received: [...s.followUp.received, event.data.document] } } : s,
      );
    case 'SigningStepCompleted': {
      const { contractId, step, ordinal, role, by, note, at } = event.data;
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, contractId, signingSteps: [...s.signingSteps, { step, ordinal, role, by, note, at }] }));
    }
    case 'UnitContracted': {
      const next = withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, contractedAt: event.data.contractedAt }));
      return next.status === 'none' ? next : { ...next, status: 'contracted' };
    }
    case 'SigningErrorRecorded': {
      const record: SigningErrorRecord = without(event.data, 'unitId', 'subscriptionId');
      return withSubscription(state, event.data.subscriptionId, (s) => ({ ...s, signingErrors: [...s.signingErrors, record] }));
    }
    default:
      return assertNever(event);
  }
}

/** PS-1 … PS-8: the unit's decider (the policies of DEFAULT_PS_POLICIES). */
export const unitDecider: Decider<UnitState, UnitCommand, UnitEvent> = {
  initialState: initialUnitState,
  decide: (command, state) => decideUnit(command, state),
  evolve: evolveUnit,
};
