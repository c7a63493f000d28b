import { DomainError, fold } from '@ebp/shared-eventsourcing';
import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import { SIGNING_STEPS, type SigningStep } from '../shared/ps.policy';
import type { CustomerRef, SalesActor, UnitCommand } from './unit.commands';
import { activeReservation, archiveLate, decideUnit, unitDecider, unitStatusAt, type Unit } from './unit.decider';
import type { PriceSheetRecorded, SigningStepCompleted, UnitEvent, UnitSubscribed } from './unit.events';

const spec = DeciderSpecification.for(unitDecider);

const UNIT = 'lakeside.b1.1203';
const T0 = '2026-03-02T10:00:00+08:00';
const LATER = '2026-03-02T11:00:00+08:00';
const NEXT_DAY = '2026-03-03T10:00:01+08:00';

const sales = (staffId = 'sp-li', agencyId: string | null = 'sunrise'): SalesActor => ({ staffId, roles: ['salesperson'], agencyId });
const supervisor = (agencyId: string | null = 'sunrise', staffId = 'sup-zhou'): SalesActor => ({ staffId, roles: ['agency-supervisor'], agencyId });
const developer = (role: string, staffId = `${role}-1`): SalesActor => ({ staffId, roles: [role], agencyId: null });
const customer = (customerId = 'c-1', agencyId = 'sunrise'): CustomerRef => ({ customerId, agencyId, salespersonId: 'sp-li' });

const cmd = <T extends UnitCommand['type']>(type: T, data: Omit<Extract<UnitCommand, { type: T }>['data'], 'unitId'>, now = LATER): Extract<UnitCommand, { type: T }> =>
  ({ type, data: { unitId: UNIT, ...data }, metadata: { now } }) as unknown as Extract<UnitCommand, { type: T }>;

// Events
const listed: UnitEvent = {
  type: 'UnitListed',
  data: {
    unitId: UNIT,
    projectId: 'lakeside',
    buildingId: 'b1',
    number: '1203',
    floor: 12,
    type: 'apartment',
    areaCentiSqm: 12_345,
    listPriceFen: 300_000_000,
    priceApprovedBy: 'sm-wu',
    listedBy: 'sm-wu',
    listedAt: T0,
  },
};
const reserved = (customerId = 'c-1', agencyId = 'sunrise', expiresAt = '2026-03-03T10:00:00+08:00'): UnitEvent => ({
  type: 'UnitReserved',
  data: { unitId: UNIT, customerId, salespersonId: 'sp-li', agencyId, reservedAt: T0, expiresAt },
});
const sheet = (priceSheetId = 'ps-1', customerId = 'c-1', data: Partial<PriceSheetRecorded['data']> = {}): PriceSheetRecorded => ({
  type: 'PriceSheetRecorded',
  data: {
    unitId: UNIT,
    priceSheetId,
    customerId,
    salespersonId: 'sp-li',
    agencyId: 'sunrise',
    listPriceFen: 300_000_000,
    discounts: [{ reason: 'opening offer', amountFen: 3_000_000 }],
    discountFen: 3_000_000,
    discountBasisPoints: 100,
    paymentMethod: 'commercial-mortgage',
    totalFen: 297_000_000,
    needsApproval: false,
    recordedAt: T0,
    ...data,
  },
});
const subscribed = (data: Partial<UnitSubscribed['data']> = {}): UnitSubscribed => ({
  type: 'UnitSubscribed',
  data: {
    unitId: UNIT,
    subscriptionId: 'sub-1',
    customerId: 'c-1',
    salespersonId: 'sp-li',
    agencyId: 'sunrise',
    priceSheetId: 'ps-1',
    paymentMethod: 'commercial-mortgage',
    totalFen: 297_000_000,
    subscribedAt: T0,
    ...data,
  },
});
const ofSub = { unitId: UNIT, subscriptionId: 'sub-1' };
const deposit: UnitEvent = { type: 'SubscriptionDepositRecorded', data: { ...ofSub, depositFen: 5_000_000, receiptNo: 'R-1', by: 'fin-1', at: T0 } };
const formIssued: UnitEvent = { type: 'SubscriptionFormIssued', data: { ...ofSub, by: 'sp-li', at: T0 } };
const reviewed: UnitEvent = { type: 'SubscriptionReviewed', data: { ...ofSub, by: 'sup-zhou', at: T0 } };
const signed: UnitEvent = {
  type: 'SubscriptionSigned',
  data: {
    ...ofSub,
    customerId: 'c-1',
    salespersonId: 'sp-li',
    agencyId: 'sunrise',
    agreements: ['parking'],
    paymentMethod: 'commercial-mortgage',
    totalFen: 297_000_000,
    depositFen: 5_000_000,
    signedAt: T0,
  },
};
const subscribedAndSigned: UnitEvent[] = [listed, sheet(), subscribed(), deposit, formIssued, reviewed, signed];
const stepDone = (ordinal: number, at = LATER): SigningStepCompleted => {
  const { step, role } = SIGNING_STEPS[ordinal - 1];
  return { type: 'SigningStepCompleted', data: { ...ofSub, contractId: 'k-1', step, ordinal, role, by: role === 'salesperson' ? 'sp-li' : `${role}-1`, note: null, at } };
};
const stepsDone = (n: number): SigningStepCompleted[] => Array.from({ length: n }, (_, i) => stepDone(i + 1));
const actorFor = (role: string): SalesActor => (role === 'salesperson' ? sales() : role === 'agency-supervisor' ? supervisor() : developer(role));
const step = (s: SigningStep, by: SalesActor, now = LATER) => cmd('CompleteSigningStep', { step: s, contractId: 'k-1', note: null, by }, now);

const unitOf = (events: UnitEvent[]): Unit => fold(unitDecider, events) as Unit;
const refusal = (events: UnitEvent[], command: UnitCommand): DomainError => spec.given(events).when(command).thenThrows(() => true);

describe('unit decider', () => {
  describe('PS-1 units and sales control', () => {
    const list = (data: Partial<Extract<UnitCommand, { type: 'ListUnit' }>['data']> = {}) =>
      cmd(
        'ListUnit',
        { projectId: 'lakeside', buildingId: 'b1', number: '1203', floor: 12, type: 'apartment', areaCentiSqm: 12_345, listPriceFen: 300_000_000, buildingFloors: 30, by: 'sm-wu', ...data },
        T0,
      );

    it('PS-1 lists a unit with its one approved price, available', () => {
      const state = spec.when(list()).then([listed]);
      expect(state).toMatchObject({ status: 'available', prices: [{ listPriceFen: 300_000_000, approvedBy: 'sm-wu' }] });
    });

    it('PS-1 listing the same unit again identically changes nothing; differently is a conflict', () => {
      spec.given([listed]).when(list()).then([]);
      expect(spec.given([listed]).when(list({ listPriceFen: 1 })).thenThrows('PS-1').kind).toBe('conflict');
    });

    it('PS-1 refuses a floor above the building, a bad type, a zero area and a unit id not of its parts', () => {
      expect(spec.when(list({ floor: 31 })).thenThrows('PS-1').field).toBe('floor');
      expect(spec.when(list({ type: 'castle' as never })).thenThrows('PS-1').field).toBe('type');
      expect(spec.when(list({ areaCentiSqm: 0 })).thenThrows('PS-1').field).toBe('areaCentiSqm');
      expect(spec.when({ ...list(), data: { ...list().data, unitId: 'lakeside.b2.1203' } }).thenThrows('PS-1').field).toBe('unitId');
    });

    it('PS-1 a price change is an event with who approved it; not once subscribed', () => {
      const state = spec
        .given([listed])
        .when(cmd('ChangeUnitPrice', { listPriceFen: 310_000_000, reason: 'phase 2 pricing', by: 'sm-wu' }))
        .then([{ type: 'UnitPriceChanged', data: { unitId: UNIT, listPriceFen: 310_000_000, previousPriceFen: 300_000_000, approvedBy: 'sm-wu', reason: 'phase 2 pricing', changedAt: LATER } }]);
      expect((state as Unit).prices.map((p) => p.listPriceFen)).toEqual([300_000_000, 310_000_000]);
      spec.given([listed, sheet(), subscribed()]).when(cmd('ChangeUnitPrice', { listPriceFen: 1, reason: 'x', by: 'sm-wu' })).thenThrows('PS-1');
    });

    it('PS-1 the developer holds a unit back and releases it; a held unit cannot be reserved', () => {
      const held: UnitEvent = { type: 'UnitHeldBack', data: { unitId: UNIT, by: 'sm-wu', reason: 'show flat', at: LATER } };
      expect(spec.given([listed]).when(cmd('HoldUnit', { reason: 'show flat', by: 'sm-wu' })).then([held])).toMatchObject({ status: 'held' });
      expect(spec.given([listed, held]).when(cmd('ReserveUnit', { customerId: 'c-1', customer: customer(), by: sales() })).thenThrows('PS-1').kind).toBe('rule');
      expect(spec.given([listed, held]).when(cmd('ReleaseUnit', { by: 'sm-wu' })).then([{ type: 'UnitReleased', data: { unitId: UNIT, by: 'sm-wu', at: LATER } }])).toMatchObject({
        status: 'available',
      });
      spec.given([listed, reserved()]).when(cmd('HoldUnit', { reason: 'x', by: 'sm-wu' })).thenThrows('PS-1');
    });

    it('PS-1 reserves for a registered customer of the caller’s agency until the policy’s 24 hours', () => {
      const state = spec
        .given([listed])
        .when(cmd('ReserveUnit', { customerId: 'c-1', customer: customer(), by: sales() }, T0))
        .then([reserved('c-1', 'sunrise', '2026-03-03T10:00:00+08:00')]);
      expect(unitStatusAt(state as Unit, LATER)).toBe('reserved');
    });

    it('PS-1 reservation expiry: past expiresAt the unit counts as available and another customer may reserve it', () => {
      const unit = unitOf([listed, reserved()]);
      expect(unitStatusAt(unit, '2026-03-03T09:59:59+08:00')).toBe('reserved');
      expect(unitStatusAt(unit, '2026-03-03T10:00:00+08:00')).toBe('available');
      expect(activeReservation(unit, NEXT_DAY)).toBeNull();
      spec.given([listed, reserved()]).when(cmd('ReserveUnit', { customerId: 'c-2', customer: customer('c-2'), by: sales() }, LATER)).thenThrows('PS-1');
      const events = decideUnit(cmd('ReserveUnit', { customerId: 'c-2', customer: customer('c-2'), by: sales() }, NEXT_DAY), unit);
      expect(events).toMatchObject([{ type: 'UnitReserved', data: { customerId: 'c-2' } }]);
    });

    it('PS-1 an expired reservation does not stop a subscription by another customer', () => {
      const events = decideUnit(cmd('SubscribeUnit', { subscriptionId: 'sub-2', priceSheetId: 'ps-2', by: sales() }, NEXT_DAY), unitOf([listed, reserved('c-1'), sheet('ps-2', 'c-2')]));
      expect(events).toMatchObject([{ type: 'UnitSubscribed', data: { customerId: 'c-2' } }]);
    });

    it('PS-2 reserving needs a registered customer (404) owned by the caller’s agency (403)', () => {
      expect(spec.given([listed]).when(cmd('ReserveUnit', { customerId: 'c-1', customer: null, by: sales() })).thenThrows('PS-2').kind).toBe('not-found');
      expect(spec.given([listed]).when(cmd('ReserveUnit', { customerId: 'c-1', customer: customer('c-1', 'moonlight'), by: sales() })).thenThrows('PS-2').kind).toBe('forbidden');
    });

    it('PS-1 a unit reserved for one customer cannot be reserved for another (409)', () => {
      expect(spec.given([listed, reserved()]).when(cmd('ReserveUnit', { customerId: 'c-2', customer: customer('c-2'), by: sales('sp-ma') })).thenThrows('PS-1').kind).toBe('conflict');
      spec.given([listed, reserved()]).when(cmd('ReserveUnit', { customerId: 'c-1', customer: customer(), by: sales() })).then([]);
    });

    it('PS-1 the reservation is cancelled by its salesperson, their supervisor or the site manager, no one else', () => {
      const cancelled = (by: string): UnitEvent => ({ type: 'UnitReservationCancelled', data: { unitId: UNIT, customerId: 'c-1', by, at: LATER } });
      spec.given([listed, reserved()]).when(cmd('CancelReservation', { by: sales() })).then([cancelled('sp-li')]);
      spec.given([listed, reserved()]).when(cmd('CancelReservation', { by: supervisor() })).then([cancelled('sup-zhou')]);
      spec.given([listed, reserved()]).when(cmd('CancelReservation', { by: developer('site-manager', 'sm-wu') })).then([cancelled('sm-wu')]);
      expect(spec.given([listed, reserved()]).when(cmd('CancelReservation', { by: sales('sp-ma') })).thenThrows('PS-1').kind).toBe('forbidden');
      expect(spec.given([listed, reserved()]).when(cmd('CancelReservation', { by: supervisor('moonlight') })).thenThrows('PS-1').kind).toBe('forbidden');
      expect(fold(unitDecider, [listed, reserved(), cancelled('sp-li')])).toMatchObject({ status: 'available', reservation: null });
    });
  });

  describe('PS-3 price sheet', () => {
    const record = (data: Partial<Extract<UnitCommand, { type: 'RecordPriceSheet' }>['data']> = {}, now = LATER) =>
      cmd('RecordPriceSheet', { priceSheetId: 'ps-1', customerId: 'c-1', customer: customer(), discounts: [{ reason: 'opening offer', amountFen: 3_000_000 }], paymentMethod: 'commercial-mortgage', by: sales(), ...data }, now);

    it('PS-3 records list price, discounts, payment method and total while the unit is available', () => {
      spec.given([listed]).when(record()).then([{ ...sheet(), data: { ...sheet().data, recordedAt: LATER } }]);
    });

    it('PS-3 a discount at the policy threshold (300 bp) needs no approval; above it needs the supervisor', () => {
      const at = decideUnit(record({ discounts: [{ reason: 'a', amountFen: 9_000_000 }] }), unitOf([listed]));
      expect(at[0]).toMatchObject({ data: { discountBasisPoints: 300, needsApproval: false, totalFen: 291_000_000 } });
      const above = decideUnit(record({ discounts: [{ reason: 'a', amountFen: 9_000_000 }, { reason: 'b', amountFen: 1 }] }), unitOf([listed]));
      expect(above[0]).toMatchObject({ data: { discountBasisPoints: 301, needsApproval: true } });
    });

    it('PS-3 only when available or reserved for this customer', () => {
      spec.given([listed, reserved('c-1')]).when(record()).then([{ ...sheet(), data: { ...sheet().data, recordedAt: LATER } }]);
      expect(spec.given([listed, reserved('c-2')]).when(record()).thenThrows('PS-3').kind).toBe('conflict');
      expect(spec.given([listed, sheet('ps-0'), subscribed({ priceSheetId: 'ps-0' })]).when(record()).thenThrows('PS-3').kind).toBe('conflict');
      spec.given([listed, { type: 'UnitHeldBack', data: { unitId: UNIT, by: 'sm', reason: 'x', at: T0 } }]).when(record()).thenThrows('PS-3');
    });

    it('PS-3 refuses discounts reaching the list price, a bad payment method, and another agency’s customer (PS-2)', () => {
      spec.given([listed]).when(record({ discounts: [{ reason: 'a', amountFen: 300_000_000 }] })).thenThrows('PS-3');
      expect(spec.given([listed]).when(record({ paymentMethod: 'barter' as never })).thenThrows('PS-3').field).toBe('paymentMethod');
      expect(spec.given([listed]).when(record({ customer: customer('c-1', 'moonlight') })).thenThrows('PS-2').kind).toBe('forbidden');
    });

    it('PS-3 discount approval: the agency’s supervisor approves a sheet above the threshold, then it may be subscribed', () => {
      const big = sheet('ps-1', 'c-1', { discountBasisPoints: 500, needsApproval: true, totalFen: 285_000_000 });
      const subscribe = cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales() });
      spec.given([listed, big]).when(subscribe).thenThrows('PS-3');
      expect(spec.given([listed, big]).when(cmd('DecidePriceSheet', { priceSheetId: 'ps-1', approved: true, by: supervisor('moonlight') })).thenThrows('PS-3').kind).toBe('forbidden');
      expect(spec.given([listed, big]).when(cmd('DecidePriceSheet', { priceSheetId: 'ps-1', approved: true, by: sales() })).thenThrows('PS-3').kind).toBe('forbidden');
      const approved: UnitEvent = { type: 'PriceSheetDecided', data: { unitId: UNIT, priceSheetId: 'ps-1', approved: true, by: 'sup-zhou', reason: null, at: LATER } };
      spec.given([listed, big]).when(cmd('DecidePriceSheet', { priceSheetId: 'ps-1', approved: true, by: supervisor() })).then([approved]);
      spec.given([listed, big, approved]).when(subscribe).then([subscribed({ totalFen: 285_000_000, subscribedAt: LATER })]);
    });

    it('PS-3 a rejected sheet cannot be subscribed; a rejection needs a reason; a sheet within the policy needs no approval', () => {
      const big = sheet('ps-1', 'c-1', { discountBasisPoints: 500, needsApproval: true });
      spec.given([listed, big]).when(cmd('DecidePriceSheet', { priceSheetId: 'ps-1', approved: false, by: supervisor() })).thenThrows('PS-3');
      const rejected: UnitEvent = { type: 'PriceSheetDecided', data: { unitId: UNIT, priceSheetId: 'ps-1', approved: false, by: 'sup-zhou', reason: 'too much', at: LATER } };
      spec.given([listed, big, rejected]).when(cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales() })).thenThrows('PS-3');
      spec.given([listed, sheet()]).when(cmd('DecidePriceSheet', { priceSheetId: 'ps-1', approved: true, by: supervisor() })).thenThrows('PS-3');
    });

    it('PS-3 a price sheet made before a price change cannot be subscribed', () => {
      const changed: UnitEvent = { type: 'UnitPriceChanged', data: { unitId: UNIT, listPriceFen: 310_000_000, previousPriceFen: 300_000_000, approvedBy: 'sm', reason: 'x', changedAt: T0 } };
      spec.given([listed, sheet(), changed]).when(cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales() })).thenThrows('PS-3');
    });
  });

  describe('PS-1 / PS-4 subscription: one customer only', () => {
    it('PS-1 the one-customer guard: of two SubscribeUnit decided on the same state, the second (on the state after the first) is refused 409', () => {
      const given = [listed, sheet('ps-1', 'c-1'), sheet('ps-2', 'c-2')];
      const first = cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales() });
      const second = cmd('SubscribeUnit', { subscriptionId: 'sub-2', priceSheetId: 'ps-2', by: sales('sp-ma') });
      const state = fold(unitDecider, given);
      // Both decide on the same state (the race); the store lets one append, the other re-decides on fresh state.
      expect(unitDecider.decide(first, state)).toHaveLength(1);
      expect(unitDecider.decide(second, state)).toHaveLength(1);
      const winner = unitDecider.decide(first, state);
      const after = winner.reduce(unitDecider.evolve, state);
      let thrown: unknown;
      try {
        unitDecider.decide(second, after);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ rule: 'PS-1', kind: 'conflict' });
      expect(unitStatusAt(after as Unit, LATER)).toBe('subscribed');
    });

    it('PS-1 a contracted unit cannot be subscribed again', () => {
      const contracted = [...subscribedAndSigned, ...stepsDone(9), { type: 'UnitContracted', data: { ...ofSub, contractId: 'k-1', customerId: 'c-1', salespersonId: 'sp-li', agencyId: 'sunrise', paymentMethod: 'commercial-mortgage', totalFen: 1, contractedAt: LATER } } as UnitEvent];
      expect(refusal([...contracted, sheet('ps-9', 'c-9')], cmd('SubscribeUnit', { subscriptionId: 'sub-9', priceSheetId: 'ps-9', by: sales() }))).toMatchObject({ rule: 'PS-1', kind: 'conflict' });
    });

    it('PS-4 a unit reserved for another customer cannot be subscribed; reserved for this customer it can', () => {
      expect(refusal([listed, reserved('c-2'), sheet()], cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales() }))).toMatchObject({ rule: 'PS-1', kind: 'conflict' });
      spec.given([listed, reserved('c-1'), sheet()]).when(cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales() })).then([subscribed({ subscribedAt: LATER })]);
    });

    it('PS-4 subscribing needs a salesperson of the price sheet’s agency', () => {
      expect(refusal([listed, sheet()], cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'ps-1', by: sales('sp-x', 'moonlight') }))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
      expect(refusal([listed, sheet()], cmd('SubscribeUnit', { subscriptionId: 'sub-1', priceSheetId: 'nope', by: sales() }))).toMatchObject({ rule: 'PS-3', kind: 'not-found' });
    });

    it('PS-4 cancellation frees the unit: available again, the subscription kept as cancelled', () => {
      const cancelled: UnitEvent = { type: 'SubscriptionCancelled', data: { ...ofSub, reason: 'customer withdrew', by: 'sup-zhou', at: LATER } };
      const state = spec.given([listed, sheet(), subscribed()]).when(cmd('CancelSubscription', { reason: 'customer withdrew', by: supervisor() })).then([cancelled]) as Unit;
      expect(state).toMatchObject({ status: 'available', subscription: null, cancelledSubscriptions: [{ subscriptionId: 'sub-1', cancelled: { reason: 'customer withdrew' } }] });
      const again = decideUnit(cmd('SubscribeUnit', { subscriptionId: 'sub-2', priceSheetId: 'ps-2', by: sales() }), unitOf([listed, sheet(), subscribed(), cancelled, sheet('ps-2', 'c-2')]));
      expect(again).toMatchObject([{ type: 'UnitSubscribed', data: { customerId: 'c-2' } }]);
    });

    it('PS-4 cancellation by the agency supervisor or the site manager only, and not once contracted', () => {
      expect(refusal([listed, sheet(), subscribed()], cmd('CancelSubscription', { reason: 'x', by: sales() }))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
      expect(refusal([listed, sheet(), subscribed()], cmd('CancelSubscription', { reason: 'x', by: supervisor('moonlight') }))).toMatchObject({ kind: 'forbidden' });
      spec.given([listed, sheet(), subscribed()]).when(cmd('CancelSubscription', { reason: 'x', by: developer('site-manager') })).then([
        { type: 'SubscriptionCancelled', data: { ...ofSub, reason: 'x', by: 'site-manager-1', at: LATER } },
      ]);
      const contracted: UnitEvent = { type: 'UnitContracted', data: { ...ofSub, contractId: 'k-1', customerId: 'c-1', salespersonId: 'sp-li', agencyId: 'sunrise', paymentMethod: 'commercial-mortgage', totalFen: 1, contractedAt: LATER } };
      expect(refusal([...subscribedAndSigned, ...stepsDone(9), contracted], cmd('CancelSubscription', { reason: 'x', by: developer('site-manager') }))).toMatchObject({ rule: 'PS-4', kind: 'rule' });
    });
  });

  describe('PS-4 subscription steps', () => {
    const base = [listed, sheet(), subscribed()];

    it('PS-4 finance records the deposit; only finance', () => {
      spec.given(base).when(cmd('RecordDeposit', { depositFen: 5_000_000, receiptNo: 'R-1', by: developer('finance', 'fin-1') })).then([{ ...deposit, data: { ...deposit.data, at: LATER } }]);
      expect(refusal(base, cmd('RecordDeposit', { depositFen: 5_000_000, receiptNo: 'R-1', by: sales() }))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
      expect(refusal([listed], cmd('RecordDeposit', { depositFen: 5_000_000, receiptNo: 'R-1', by: developer('finance') }))).toMatchObject({ rule: 'PS-4', kind: 'not-found' });
    });

    it('PS-4 form after the deposit, review by the agency supervisor after the form, signature after the review', () => {
      expect(refusal(base, cmd('IssueSubscriptionForm', { by: sales() }))).toMatchObject({ rule: 'PS-4', kind: 'rule' });
      spec.given([...base, deposit]).when(cmd('IssueSubscriptionForm', { by: sales() })).then([{ type: 'SubscriptionFormIssued', data: { ...ofSub, by: 'sp-li', at: LATER } }]);
      expect(refusal([...base, deposit], cmd('ReviewSubscription', { by: supervisor() }))).toMatchObject({ rule: 'PS-4', kind: 'rule' });
      expect(refusal([...base, deposit, formIssued], cmd('ReviewSubscription', { by: sales() }))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
      expect(refusal([...base, deposit, formIssued], cmd('ReviewSubscription', { by: supervisor('moonlight') }))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
      spec.given([...base, deposit, formIssued]).when(cmd('ReviewSubscription', { by: supervisor() })).then([{ type: 'SubscriptionReviewed', data: { ...ofSub, by: 'sup-zhou', at: LATER } }]);
      expect(refusal([...base, deposit, formIssued], cmd('SignSubscription', { agreements: ['parking'], by: sales() }))).toMatchObject({ rule: 'PS-4', kind: 'rule' });
      spec.given([...base, deposit, formIssued, reviewed]).when(cmd('SignSubscription', { agreements: ['parking'], by: sales() })).then([{ ...signed, data: { ...signed.data, signedAt: LATER } } as UnitEvent]);
    });

    it('PS-4 after signing: the customer copy, the ERP export and the handover to the site manager', () => {
      const signedUnit = [...base, deposit, formIssued, reviewed];
      expect(refusal(signedUnit, cmd('ExportSubscriptionToErp', { erpReference: 'MY-1', by: developer('site-manager') }))).toMatchObject({ rule: 'PS-4' });
      const all = [...signedUnit, signed];
      spec.given(all).when(cmd('HandOverCustomerCopy', { by: supervisor() })).then([{ type: 'CustomerCopyHandedOver', data: { ...ofSub, by: 'sup-zhou', at: LATER } }]);
      spec.given(all).when(cmd('ExportSubscriptionToErp', { erpReference: 'MY-1', by: developer('site-manager', 'sm-wu') })).then([
        { type: 'SubscriptionExportedToErp', data: { ...ofSub, erpReference: 'MY-1', by: 'sm-wu', at: LATER } },
      ]);
      spec.given(all).when(cmd('HandSubscriptionToSiteManager', { by: developer('site-manager', 'sm-wu') })).then([
        { type: 'SubscriptionHandedToSiteManager', data: { ...ofSub, siteManagerId: 'sm-wu', by: 'sm-wu', at: LATER } },
      ]);
      expect(refusal(all, cmd('HandSubscriptionToSiteManager', { by: sales() }))).toMatchObject({ rule: 'PS-4', kind: 'forbidden' });
    });
  });

  describe('PS-5 follow-up', () => {
    const base = [listed, sheet(), subscribed()];
    const schedule = (by = sales(), targetSigningDate = '2026-03-10') => cmd('ScheduleFollowUp', { targetSigningDate, mortgageDocuments: ['id card', 'income proof'], by });

    it('PS-5 the salesperson sets the target signing date and the mortgage documents, then ticks them off', () => {
      const scheduled: UnitEvent = { type: 'FollowUpScheduled', data: { ...ofSub, targetSigningDate: '2026-03-10', mortgageDocuments: ['id card', 'income proof'], by: 'sp-li', at: LATER } };
      spec.given(base).when(schedule()).then([scheduled]);
      const state = spec.given([...base, scheduled]).when(cmd('ReceiveMortgageDocument', { document: 'id card', by: sales() })).then([
        { type: 'MortgageDocumentReceived', data: { ...ofSub, document: 'id card', by: 'sp-li', at: LATER } },
      ]) as Unit;
      expect(state.subscription?.followUp?.received).toEqual(['id card']);
      spec.given([...base, scheduled]).when(cmd('ReceiveMortgageDocument', { document: 'marriage certificate', by: sales() })).thenThrows('PS-5');
    });

    it('PS-5 refuses a date before the subscription, another agency, and documents without a follow-up', () => {
      expect(refusal(base, schedule(sales(), '2026-03-01'))).toMatchObject({ rule: 'PS-5', field: 'targetSigningDate' });
      expect(refusal(base, schedule(sales('sp-x', 'moonlight')))).toMatchObject({ rule: 'PS-5', kind: 'forbidden' });
      expect(refusal(base, cmd('ReceiveMortgageDocument', { document: 'id card', by: sales() }))).toMatchObject({ rule: 'PS-5' });
    });
  });

  describe('PS-7 signing: the eleven steps in order, each by its role', () => {
    it('PS-7 runs the eleven steps in order; step 9 concludes the contract (UnitContracted) and the unit is contracted', () => {
      let events: UnitEvent[] = [...subscribedAndSigned];
      SIGNING_STEPS.forEach(({ step: s, role }, i) => {
        const decided = decideUnit(step(s, actorFor(role)), unitOf(events));
        expect(decided[0]).toMatchObject({ type: 'SigningStepCompleted', data: { step: s, ordinal: i + 1, role, contractId: 'k-1' } });
        expect(decided.map((e) => e.type)).toEqual(i === 8 ? ['SigningStepCompleted', 'UnitContracted'] : ['SigningStepCompleted']);
        events = [...events, ...decided];
        expect(unitOf(events).status).toBe(i >= 8 ? 'contracted' : 'subscribed');
      });
      expect(unitOf(events).subscription?.signingSteps).toHaveLength(11);
    });

    // Every step out of order: with k steps done, every later step but the next is refused naming PS-7.
    for (let done = 0; done < SIGNING_STEPS.length; done++) {
      it(`PS-7 with ${done} steps done, skipping to any step after ${done + 1} is refused (422)`, () => {
        const given = [...subscribedAndSigned, ...stepsDone(done)];
        for (let later = done + 1; later < SIGNING_STEPS.length; later++) {
          const { step: s, role } = SIGNING_STEPS[later];
          expect(refusal(given, step(s, actorFor(role)))).toMatchObject({ rule: 'PS-7', kind: 'rule', field: 'step' });
        }
      });
    }

    SIGNING_STEPS.forEach(({ step: s, role }, i) => {
      it(`PS-7 step ${i + 1} ${s} by a wrong role is refused (403), and by its role of another agency when it is an agency role`, () => {
        const given = [...subscribedAndSigned, ...stepsDone(i)];
        for (const other of ['salesperson', 'agency-supervisor', 'finance', 'contract-administrator', 'site-supervisor', 'site-manager'].filter((r) => r !== role)) {
          expect(refusal(given, step(s, actorFor(other)))).toMatchObject({ rule: 'PS-7', kind: 'forbidden' });
        }
        if (role === 'salesperson') expect(refusal(given, step(s, sales('sp-x', 'moonlight')))).toMatchObject({ rule: 'PS-7', kind: 'forbidden' });
        if (role === 'agency-supervisor') expect(refusal(given, step(s, supervisor('moonlight')))).toMatchObject({ rule: 'PS-7', kind: 'forbidden' });
      });
    });

    it('PS-7 a step already done changes nothing; signing needs the signed subscription', () => {
      spec.given([...subscribedAndSigned, ...stepsDone(3)]).when(step('payment-and-signing-form', sales())).then([]);
      expect(refusal([listed, sheet(), subscribed()], step('mortgage-documents-checked', sales()))).toMatchObject({ rule: 'PS-7', kind: 'rule' });
      expect(refusal([listed], step('mortgage-documents-checked', sales()))).toMatchObject({ rule: 'PS-7', kind: 'not-found' });
    });

    it('PS-7 the mortgage documents must all be in before step 1', () => {
      const scheduled: UnitEvent = { type: 'FollowUpScheduled', data: { ...ofSub, targetSigningDate: '2026-03-10', mortgageDocuments: ['id card'], by: 'sp-li', at: T0 } };
      expect(refusal([...subscribedAndSigned, scheduled], step('mortgage-documents-checked', sales()))).toMatchObject({ rule: 'PS-7' });
      const received: UnitEvent = { type: 'MortgageDocumentReceived', data: { ...ofSub, document: 'id card', by: 'sp-li', at: T0 } };
      expect(decideUnit(step('mortgage-documents-checked', sales()), unitOf([...subscribedAndSigned, scheduled, received]))).toHaveLength(1);
    });

    it('PS-7 archiving after 17:00 of the signing day is late', () => {
      const sub = unitOf([...subscribedAndSigned, ...stepsDone(10)]).subscription!;
      expect(archiveLate(sub, '2026-03-02T16:59:00+08:00')).toBe(false);
      expect(archiveLate(sub, '2026-03-02T17:00:01+08:00')).toBe(true);
      const archivedLate = unitOf([...subscribedAndSigned, ...stepsDone(10), stepDone(11, '2026-03-02T17:30:00+08:00')]).subscription!;
      expect(archiveLate(archivedLate, '2026-03-02T17:30:00+08:00')).toBe(true);
      const archivedInTime = unitOf([...subscribedAndSigned, ...stepsDone(10), stepDone(11, '2026-03-02T16:30:00+08:00')]).subscription!;
      expect(archiveLate(archivedInTime, '2026-03-05T00:00:00+08:00')).toBe(false);
    });
  });

  describe('PS-8 signing error', () => {
    const record = (by: SalesActor) => cmd('RecordSigningError', { errorId: 'e-1', description: 'wrong area on page 2', responsibleSalespersonId: 'sp-li', by });

    it('PS-8 a signing error: a change request to the housing authority and a 20000 fen fine on the responsible salesperson', () => {
      spec.given([...subscribedAndSigned, ...stepsDone(6)]).when(record(developer('contract-administrator', 'ca-1'))).then([
        {
          type: 'SigningErrorRecorded',
          data: {
            ...ofSub,
            contractId: 'k-1',
            errorId: 'e-1',
            description: 'wrong area on page 2',
            responsibleSalespersonId: 'sp-li',
            fineFen: 20_000,
            changeRequest: { authority: 'housing-authority', reason: 'wrong area on page 2' },
            by: 'ca-1',
            at: LATER,
          },
        },
      ]);
    });

    it('PS-8 only by the contract administrator or the site manager, and only for a contract', () => {
      expect(refusal([...subscribedAndSigned, ...stepsDone(6)], record(sales()))).toMatchObject({ rule: 'PS-8', kind: 'forbidden' });
      expect(refusal(subscribedAndSigned, record(developer('site-manager')))).toMatchObject({ rule: 'PS-8', kind: 'rule' });
      spec.given([...subscribedAndSigned, ...stepsDone(6)]).when(record(developer('site-manager'))).then([expect.objectContaining({ type: 'SigningErrorRecorded' })]);
    });
  });
});
