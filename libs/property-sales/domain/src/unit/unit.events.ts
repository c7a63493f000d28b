import type { DomainEvent } from '@ebp/shared-eventsourcing';
import type { PaymentMethod, SigningStep, UnitType } from '../shared/ps.policy';

interface OfUnit {
  unitId: string;
}
interface OfSubscription extends OfUnit {
  subscriptionId: string;
}

/** PS-1: a unit put on sales control with its one approved list price. */
export type UnitListed = DomainEvent<
  'UnitListed',
  OfUnit & {
    projectId: string;
    buildingId: string;
    number: string;
    floor: number;
    type: UnitType;
    /** Hundredths of a square metre (12345 = 123.45 m²). */
    areaCentiSqm: number;
    listPriceFen: number;
    priceApprovedBy: string;
    listedBy: string;
    listedAt: string;
  }
>;
/** PS-1: a new approved list price, with who approved it. */
export type UnitPriceChanged = DomainEvent<'UnitPriceChanged', OfUnit & { listPriceFen: number; previousPriceFen: number; approvedBy: string; reason: string; changedAt: string }>;
/** PS-1: the developer holds a unit back from sale, and releases it. */
export type UnitHeldBack = DomainEvent<'UnitHeldBack', OfUnit & { by: string; reason: string; at: string }>;
export type UnitReleased = DomainEvent<'UnitReleased', OfUnit & { by: string; at: string }>;
/** PS-1: reserved for a customer until `expiresAt`; after it the unit is available again without an event. */
export type UnitReserved = DomainEvent<'UnitReserved', OfUnit & { customerId: string; salespersonId: string; agencyId: string; reservedAt: string; expiresAt: string }>;
export type UnitReservationCancelled = DomainEvent<'UnitReservationCancelled', OfUnit & { customerId: string; by: string; at: string }>;

export interface Discount {
  reason: string;
  amountFen: number;
}
/** PS-3: the price sheet, recorded only while the unit is available (or reserved for this customer). */
export type PriceSheetRecorded = DomainEvent<
  'PriceSheetRecorded',
  OfUnit & {
    priceSheetId: string;
    customerId: string;
    salespersonId: string;
    agencyId: string;
    listPriceFen: number;
    discounts: Discount[];
    discountFen: number;
    /** discountFen ÷ listPriceFen in basis points, rounded up. */
    discountBasisPoints: number;
    paymentMethod: PaymentMethod;
    totalFen: number;
    /** Above the policy threshold: valid only once the agency supervisor approves. */
    needsApproval: boolean;
    recordedAt: string;
  }
>;
export type PriceSheetDecided = DomainEvent<'PriceSheetDecided', OfUnit & { priceSheetId: string; approved: boolean; by: string; reason: string | null; at: string }>;

/** PS-1 / PS-4: the one customer the unit is sold to. Appended with the stream's expected revision: one winner. */
export type UnitSubscribed = DomainEvent<
  'UnitSubscribed',
  OfSubscription & { customerId: string; salespersonId: string; agencyId: string; priceSheetId: string; paymentMethod: PaymentMethod; totalFen: number; subscribedAt: string }
>;
/** PS-4 steps of the subscription, each by its role. */
export type SubscriptionDepositRecorded = DomainEvent<'SubscriptionDepositRecorded', OfSubscription & { depositFen: number; receiptNo: string; by: string; at: string }>;
export type SubscriptionFormIssued = DomainEvent<'SubscriptionFormIssued', OfSubscription & { by: string; at: string }>;
export type SubscriptionReviewed = DomainEvent<'SubscriptionReviewed', OfSubscription & { by: string; at: string }>;
/** PS-4: signed with the other agreements: published for the developer's ERP the same day. */
export type SubscriptionSigned = DomainEvent<
  'SubscriptionSigned',
  OfSubscription & { customerId: string; salespersonId: string; agencyId: string; agreements: string[]; paymentMethod: PaymentMethod; totalFen: number; depositFen: number; signedAt: string }
>;
export type CustomerCopyHandedOver = DomainEvent<'CustomerCopyHandedOver', OfSubscription & { by: string; at: string }>;
/** PS-4: the ERP (明源) acknowledged the subscription, with its reference. */
export type SubscriptionExportedToErp = DomainEvent<'SubscriptionExportedToErp', OfSubscription & { erpReference: string; by: string; at: string }>;
export type SubscriptionHandedToSiteManager = DomainEvent<'SubscriptionHandedToSiteManager', OfSubscription & { siteManagerId: string; by: string; at: string }>;
/** Before a contract only: the unit is available again. */
export type SubscriptionCancelled = DomainEvent<'SubscriptionCancelled', OfSubscription & { reason: string; by: string; at: string }>;

/** PS-5: the target signing date and the mortgage documents still to collect. */
export type FollowUpScheduled = DomainEvent<'FollowUpScheduled', OfSubscription & { targetSigningDate: string; mortgageDocuments: string[]; by: string; at: string }>;
export type MortgageDocumentReceived = DomainEvent<'MortgageDocumentReceived', OfSubscription & { document: string; by: string; at: string }>;

/** PS-7: one of the eleven steps, in order, by its role. */
export type SigningStepCompleted = DomainEvent<
  'SigningStepCompleted',
  OfSubscription & { contractId: string; step: SigningStep; ordinal: number; role: string; by: string; note: string | null; at: string }
>;
/** PS-7: the contract is concluded (at the site supervisor's seal): the unit is contracted. */
export type UnitContracted = DomainEvent<
  'UnitContracted',
  OfSubscription & { contractId: string; customerId: string; salespersonId: string; agencyId: string; paymentMethod: PaymentMethod; totalFen: number; contractedAt: string }
>;
/** PS-8: a signing error: a change request to the housing authority and the fine on the responsible salesperson. */
export type SigningErrorRecorded = DomainEvent<
  'SigningErrorRecorded',
  OfSubscription & {
    contractId: string;
    errorId: string;
    description: string;
    responsibleSalespersonId: string;
    fineFen: number;
    changeRequest: { authority: 'housing-authority'; reason: string };
    by: string;
    at: string;
  }
>;

export type UnitEvent =
  | UnitListed
  | UnitPriceChanged
  | UnitHeldBack
  | UnitReleased
  | UnitReserved
  | UnitReservationCancelled
  | PriceSheetRecorded
  | PriceSheetDecided
  | UnitSubscribed
  | SubscriptionDepositRecorded
  | SubscriptionFormIssued
  | SubscriptionReviewed
  | SubscriptionSigned
  | CustomerCopyHandedOver
  | SubscriptionExportedToErp
  | SubscriptionHandedToSiteManager
  | SubscriptionCancelled
  | FollowUpScheduled
  | MortgageDocumentReceived
  | SigningStepCompleted
  | UnitContracted
  | SigningErrorRecorded;
