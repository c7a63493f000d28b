import { PAYMENT_METHODS, SIGNING_STEPS, UNIT_STATUSES, UNIT_TYPES, type PaymentMethod, type SigningStep, type UnitStatus, type UnitType } from '@ebp/property-sales-domain';
import { ApiBool, ApiDate, ApiEnum, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText, ApiTextList } from '@ebp/shared-nest';
import type { CopiesChecklist } from './copies';
import type { SigningProgress, SigningStepRow } from './units.queries';

const STEPS = SIGNING_STEPS.map((s) => s.step);

export class PsPriceVersionSchema {
  @ApiInt({ minimum: 1 }) listPriceFen!: number;
  @ApiText({ description: 'PS-1: who approved this price' }) approvedBy!: string;
  @ApiText({ nullable: true }) reason!: string | null;
  @ApiInstant() at!: string;
}

export class PsAtBySchema {
  @ApiText() by!: string;
  @ApiInstant() at!: string;
}

export class PsHoldSchema extends PsAtBySchema {
  @ApiText() reason!: string;
}

export class PsReservationSchema {
  @ApiText() customerId!: string;
  @ApiText() salespersonId!: string;
  @ApiText() agencyId!: string;
  @ApiInstant() reservedAt!: string;
  @ApiInstant({ description: 'PS-1: available again from this instant' }) expiresAt!: string;
}

export class PsDiscountSchema {
  @ApiText() reason!: string;
  @ApiInt({ minimum: 1 }) amountFen!: number;
}

export class PsPriceSheetDecisionSchema extends PsAtBySchema {
  @ApiBool() approved!: boolean;
  @ApiText({ nullable: true }) reason!: string | null;
}

/** PS-3: a price sheet. */
export class PsPriceSheetSchema {
  @ApiText() priceSheetId!: string;
  @ApiText() customerId!: string;
  @ApiText() salespersonId!: string;
  @ApiText() agencyId!: string;
  @ApiInt() listPriceFen!: number;
  @ApiNestedList(PsDiscountSchema) discounts!: PsDiscountSchema[];
  @ApiInt() discountFen!: number;
  @ApiInt({ description: 'discount ÷ list price, basis points rounded up' }) discountBasisPoints!: number;
  @ApiEnum(PAYMENT_METHODS) paymentMethod!: PaymentMethod;
  @ApiInt() totalFen!: number;
  @ApiBool({ description: 'PS-3: above the threshold, valid once the agency supervisor approves' }) needsApproval!: boolean;
  @ApiInstant() recordedAt!: string;
  @ApiNested(PsPriceSheetDecisionSchema, { nullable: true }) decision!: PsPriceSheetDecisionSchema | null;
}

export class PsDepositSchema extends PsAtBySchema {
  @ApiInt() depositFen!: number;
  @ApiText() receiptNo!: string;
}

export class PsSignedSchema {
  @ApiTextList({ description: 'PS-4: the other agreements signed with it' }) agreements!: string[];
  @ApiInstant() at!: string;
}

export class PsErpExportSchema extends PsAtBySchema {
  @ApiText({ description: 'PS-4: the ERP (明源) reference' }) erpReference!: string;
}

export class PsHandedToSiteManagerSchema extends PsAtBySchema {
  @ApiText() siteManagerId!: string;
}

export class PsFollowUpSchema {
  @ApiDate({ description: 'PS-5: target signing date' }) targetSigningDate!: string;
  @ApiTextList() mortgageDocuments!: string[];
  @ApiTextList() received!: string[];
  @ApiText() by!: string;
  @ApiInstant() at!: string;
}

export class PsSigningStepRecordSchema {
  @ApiEnum(STEPS) step!: SigningStep;
  @ApiInt({ minimum: 1, maximum: 11 }) ordinal!: number;
  @ApiText() role!: string;
  @ApiText() by!: string;
  @ApiText({ nullable: true }) note!: string | null;
  @ApiInstant() at!: string;
}

export class PsChangeRequestSchema {
  @ApiEnum(['housing-authority']) authority!: 'housing-authority';
  @ApiText() reason!: string;
}

/** PS-8: a signing error with its change request and fine. */
export class PsSigningErrorSchema {
  @ApiText() contractId!: string;
  @ApiText() errorId!: string;
  @ApiText() description!: string;
  @ApiText() responsibleSalespersonId!: string;
  @ApiInt({ description: 'PS-8: the fine in fen (policy 20000)' }) fineFen!: number;
  @ApiNested(PsChangeRequestSchema) changeRequest!: PsChangeRequestSchema;
  @ApiText() by!: string;
  @ApiInstant() at!: string;
}

export class PsCancellationSchema extends PsAtBySchema {
  @ApiText() reason!: string;
}

/** PS-4 … PS-8: a subscription of the unit. */
export class PsUnitSubscriptionSchema {
  @ApiText() subscriptionId!: string;
  @ApiText() customerId!: string;
  @ApiText() salespersonId!: string;
  @ApiText() agencyId!: string;
  @ApiText() priceSheetId!: string;
  @ApiEnum(PAYMENT_METHODS) paymentMethod!: PaymentMethod;
  @ApiInt() totalFen!: number;
  @ApiInstant() subscribedAt!: string;
  @ApiNested(PsDepositSchema, { nullable: true }) deposit!: PsDepositSchema | null;
  @ApiNested(PsAtBySchema, { nullable: true }) formIssued!: PsAtBySchema | null;
  @ApiNested(PsAtBySchema, { nullable: true }) reviewed!: PsAtBySchema | null;
  @ApiNested(PsSignedSchema, { nullable: true }) signed!: PsSignedSchema | null;
  @ApiNested(PsAtBySchema, { nullable: true }) customerCopy!: PsAtBySchema | null;
  @ApiNested(PsErpExportSchema, { nullable: true }) erpExport!: PsErpExportSchema | null;
  @ApiNested(PsHandedToSiteManagerSchema, { nullable: true }) handedToSiteManager!: PsHandedToSiteManagerSchema | null;
  @ApiNested(PsFollowUpSchema, { nullable: true }) followUp!: PsFollowUpSchema | null;
  @ApiText({ nullable: true, description: 'PS-7: made at the first signing step' }) contractId!: string | null;
  @ApiNestedList(PsSigningStepRecordSchema) signingSteps!: PsSigningStepRecordSchema[];
  @ApiInstant({ nullable: true }) contractedAt!: string | null;
  @ApiNestedList(PsSigningErrorSchema) signingErrors!: PsSigningErrorSchema[];
  @ApiNested(PsCancellationSchema, { nullable: true }) cancelled!: PsCancellationSchema | null;
}

export class PsSigningStepRowSchema implements SigningStepRow {
  @ApiInt({ minimum: 1, maximum: 11 }) ordinal!: number;
  @ApiEnum(STEPS) step!: SigningStep;
  @ApiText() role!: string;
  @ApiBool() done!: boolean;
  @ApiText({ nullable: true }) by!: string | null;
  @ApiInstant({ nullable: true }) at!: string | null;
  @ApiText({ nullable: true }) note!: string | null;
}

/** PS-7: the eleven steps in order with who and when, and the archive deadline. */
export class PsSigningProgressSchema implements SigningProgress {
  @ApiText({ nullable: true }) contractId!: string | null;
  @ApiNestedList(PsSigningStepRowSchema, { description: 'All eleven, in order' }) steps!: PsSigningStepRowSchema[];
  @ApiEnum(STEPS, { nullable: true }) nextStep!: SigningStep | null;
  @ApiText({ nullable: true }) nextRole!: string | null;
  @ApiBool({ description: 'The contract is concluded (site supervisor seal): the unit is contracted' }) concluded!: boolean;
  @ApiDate({ nullable: true }) signingDate!: string | null;
  @ApiInstant({ nullable: true, description: 'Archive by 17:00 (policy) of the signing day' }) archiveDueAt!: string | null;
  @ApiInstant({ nullable: true }) archivedAt!: string | null;
  @ApiBool({ description: 'PS-7: archived late, or not archived and the deadline has passed as of asOf' }) archiveLate!: boolean;
}

export class PsCopyRequirementSchema {
  @ApiText({ example: 'sales-contract-and-supplement' }) document!: string;
  @ApiInt({ minimum: 1 }) copies!: number;
}

/** PS-9: a contract's copy checklist. */
export class PsCopiesChecklistSchema implements CopiesChecklist {
  @ApiText({ nullable: true }) contractId!: string | null;
  @ApiText() unitId!: string;
  @ApiEnum(PAYMENT_METHODS) paymentMethod!: PaymentMethod;
  @ApiEnum(UNIT_TYPES) unitType!: UnitType;
  @ApiNestedList(PsCopyRequirementSchema) items!: PsCopyRequirementSchema[];
  @ApiInt() totalCopies!: number;
}

/** PS-1 … PS-9: a unit with its whole life, as of an instant. */
export class PsUnitDetailSchema {
  @ApiEnum(UNIT_STATUSES, { description: 'As recorded (a lapsed reservation still reads reserved here)' }) status!: UnitStatus;
  @ApiEnum(UNIT_STATUSES, { description: 'PS-1: as of asOf (a lapsed reservation is available)' }) state!: UnitStatus;
  @ApiInstant() asOf!: string;
  @ApiBool() reservationExpired!: boolean;
  @ApiText({ example: 'lakeside.b1.1203' }) unitId!: string;
  @ApiText() projectId!: string;
  @ApiText() buildingId!: string;
  @ApiText() number!: string;
  @ApiInt() floor!: number;
  @ApiEnum(UNIT_TYPES) type!: UnitType;
  @ApiInt({ description: 'Hundredths of a square metre' }) areaCentiSqm!: number;
  @ApiInt() listPriceFen!: number;
  @ApiText() listedBy!: string;
  @ApiInstant() listedAt!: string;
  @ApiNestedList(PsPriceVersionSchema, { description: 'PS-1: oldest first, with who approved each' }) prices!: PsPriceVersionSchema[];
  @ApiNested(PsHoldSchema, { nullable: true }) hold!: PsHoldSchema | null;
  @ApiNested(PsReservationSchema, { nullable: true }) reservation!: PsReservationSchema | null;
  @ApiNestedList(PsPriceSheetSchema, { description: "PS-3: an agency's people see their own agency's" }) priceSheets!: PsPriceSheetSchema[];
  @ApiNested(PsUnitSubscriptionSchema, { nullable: true }) subscription!: PsUnitSubscriptionSchema | null;
  @ApiNestedList(PsUnitSubscriptionSchema) cancelledSubscriptions!: PsUnitSubscriptionSchema[];
  @ApiTextList({ description: 'PS-5: mortgage documents still to collect' }) outstandingDocuments!: string[];
  @ApiNested(PsSigningProgressSchema, { nullable: true }) signing!: PsSigningProgressSchema | null;
  @ApiNested(PsCopiesChecklistSchema, { nullable: true }) copies!: PsCopiesChecklistSchema | null;
}
