import type { DomainCommand } from '@ebp/shared-kernel';
import type { PaymentMethod, SigningStep, UnitType } from '../shared/ps.policy';
import type { Discount } from './unit.events';

/**
 * Who acts, as the application layer found them: the token's subject and roles, and the agency
 * they belong to among the agencies the command concerns (from the agency registry,
 * AgencyMemberAdded), null when they are no member of it. The decider authorizes with it
 * where a rule says who may act (PS-2, PS-3, PS-4, PS-7).
 */
export interface SalesActor {
  staffId: string;
  roles: readonly string[];
  agencyId: string | null;
}

/** PS-2 reference data: the registered customer (the first registration's owner), null when not registered. */
export interface CustomerRef {
  customerId: string;
  agencyId: string;
  salespersonId: string;
}

/** PS-1: put a unit on sales control; `by` approves its list price (the site manager). */
export type ListUnit = DomainCommand<
  'ListUnit',
  {
    unitId: string;
    projectId: string;
    buildingId: string;
    number: string;
    floor: number;
    type: UnitType;
    areaCentiSqm: number;
    listPriceFen: number;
    /** The building's floors (from the project stream): the floor must be one of them. */
    buildingFloors: number;
    by: string;
  }
>;
/** PS-1: a new approved list price; `by` approves it. */
export type ChangeUnitPrice = DomainCommand<'ChangeUnitPrice', { unitId: string; listPriceFen: number; reason: string; by: string }>;
export type HoldUnit = DomainCommand<'HoldUnit', { unitId: string; reason: string; by: string }>;
export type ReleaseUnit = DomainCommand<'ReleaseUnit', { unitId: string; by: string }>;
/** PS-1 / PS-2: reserve for a registered customer of the caller's agency; it expires after the policy's hours. */
export type ReserveUnit = DomainCommand<'ReserveUnit', { unitId: string; customerId: string; customer: CustomerRef | null; by: SalesActor }>;
/** PS-1: by the reserving salesperson, their agency's supervisor or the site manager. */
export type CancelReservation = DomainCommand<'CancelReservation', { unitId: string; by: SalesActor }>;

/** PS-3: the price sheet for a customer of the caller's agency, while the unit is available (or reserved for them). */
export type RecordPriceSheet = DomainCommand<
  'RecordPriceSheet',
  { unitId: string; priceSheetId: string; customerId: string; customer: CustomerRef | null; discounts: Discount[]; paymentMethod: PaymentMethod; by: SalesActor }
>;
/** PS-3: the agency supervisor approves (or rejects) a price sheet whose discount is above the threshold. */
export type DecidePriceSheet = DomainCommand<'DecidePriceSheet', { unitId: string; priceSheetId: string; approved: boolean; reason?: string | null; by: SalesActor }>;

/** PS-1 / PS-4: the one customer: appended with the unit stream's expected revision. */
export type SubscribeUnit = DomainCommand<'SubscribeUnit', { unitId: string; subscriptionId: string; priceSheetId: string; by: SalesActor }>;
export type RecordDeposit = DomainCommand<'RecordDeposit', { unitId: string; depositFen: number; receiptNo: string; by: SalesActor }>;
export type IssueSubscriptionForm = DomainCommand<'IssueSubscriptionForm', { unitId: string; by: SalesActor }>;
export type ReviewSubscription = DomainCommand<'ReviewSubscription', { unitId: string; by: SalesActor }>;
export type SignSubscription = DomainCommand<'SignSubscription', { unitId: string; agreements: string[]; by: SalesActor }>;
export type HandOverCustomerCopy = DomainCommand<'HandOverCustomerCopy', { unitId: string; by: SalesActor }>;
export type ExportSubscriptionToErp = DomainCommand<'ExportSubscriptionToErp', { unitId: string; erpReference: string; by: SalesActor }>;
export type HandSubscriptionToSiteManager = DomainCommand<'HandSubscriptionToSiteManager', { unitId: string; by: SalesActor }>;
export type CancelSubscription = DomainCommand<'CancelSubscription', { unitId: string; reason: string; by: SalesActor }>;

/** PS-5: the target signing date and the mortgage documents to collect (replaces an earlier schedule). */
export type ScheduleFollowUp = DomainCommand<'ScheduleFollowUp', { unitId: string; targetSigningDate: string; mortgageDocuments: string[]; by: SalesActor }>;
export type ReceiveMortgageDocument = DomainCommand<'ReceiveMortgageDocument', { unitId: string; document: string; by: SalesActor }>;

/** PS-7: one of the eleven steps; `contractId` is used by the first step only (the application layer makes one). */
export type CompleteSigningStep = DomainCommand<'CompleteSigningStep', { unitId: string; step: SigningStep; contractId: string; note?: string | null; by: SalesActor }>;
/** PS-8: a change request to the housing authority and the policy's fine on the responsible salesperson. */
export type RecordSigningError = DomainCommand<'RecordSigningError', { unitId: string; errorId: string; description: string; responsibleSalespersonId: string; by: SalesActor }>;

export type UnitCommand =
  | ListUnit
  | ChangeUnitPrice
  | HoldUnit
  | ReleaseUnit
  | ReserveUnit
  | CancelReservation
  | RecordPriceSheet
  | DecidePriceSheet
  | SubscribeUnit
  | RecordDeposit
  | IssueSubscriptionForm
  | ReviewSubscription
  | SignSubscription
  | HandOverCustomerCopy
  | ExportSubscriptionToErp
  | HandSubscriptionToSiteManager
  | CancelSubscription
  | ScheduleFollowUp
  | ReceiveMortgageDocument
  | CompleteSigningStep
  | RecordSigningError;
