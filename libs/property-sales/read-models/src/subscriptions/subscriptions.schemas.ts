import { ApiBool, ApiDate, ApiEnum, ApiInstant, ApiInt, ApiNestedList, ApiText, ApiTextList } from '@ebp/shared-nest';
import type { MortgageDocumentView, SubscriptionStatus } from './subscription.view';
import { SUBSCRIPTION_STATUSES } from './subscription.view';
import { SUBSCRIPTION_FLAGS, type FlaggedSubscriptionRow, type FollowUpRow, type SubscriptionFlag } from './subscriptions.queries';

export class PsFlaggedSubscriptionSchema implements FlaggedSubscriptionRow {
  @ApiText() subscriptionId!: string;
  @ApiText() unitId!: string;
  @ApiText() projectId!: string;
  @ApiText() customerId!: string;
  @ApiText() agencyId!: string;
  @ApiText() salespersonId!: string;
  @ApiInt() totalFen!: number;
  @ApiEnum(SUBSCRIPTION_STATUSES) status!: SubscriptionStatus;
  @ApiInstant() signedAt!: string;
  @ApiDate() signedDate!: string;
  @ApiInstant({ description: 'PS-4: the end of the signing day (policy)' }) dueAt!: string;
  @ApiInstant({ nullable: true, description: 'As known at asOf' }) exportedAt!: string | null;
  @ApiText({ nullable: true }) erpReference!: string | null;
  @ApiInstant({ nullable: true, description: 'As known at asOf' }) handedOverAt!: string | null;
  @ApiBool({ description: 'PS-4: not exported to the ERP before dueAt' }) notExported!: boolean;
  @ApiBool({ description: 'PS-4: not handed to the site manager before dueAt' }) notHandedOver!: boolean;
}

export class PsFlaggedSubscriptionsSchema {
  @ApiEnum(SUBSCRIPTION_FLAGS, { nullable: true, description: 'null: either flag' }) flag!: SubscriptionFlag | null;
  @ApiInstant() asOf!: string;
  @ApiNestedList(PsFlaggedSubscriptionSchema, { description: 'Oldest signature first' }) items!: PsFlaggedSubscriptionSchema[];
}

export class PsMortgageDocumentSchema implements MortgageDocumentView {
  @ApiText() document!: string;
  @ApiBool() received!: boolean;
  @ApiInstant({ nullable: true }) receivedAt!: string | null;
  @ApiText({ nullable: true }) receivedBy!: string | null;
}

export class PsFollowUpRowSchema implements FollowUpRow {
  @ApiText() subscriptionId!: string;
  @ApiText() unitId!: string;
  @ApiText() projectId!: string;
  @ApiText() customerId!: string;
  @ApiText() agencyId!: string;
  @ApiText() salespersonId!: string;
  @ApiEnum(SUBSCRIPTION_STATUSES) status!: SubscriptionStatus;
  @ApiInstant() subscribedAt!: string;
  @ApiDate({ nullable: true, description: 'PS-5: null until the follow-up is scheduled' }) targetSigningDate!: string | null;
  @ApiText({ nullable: true }) contractId!: string | null;
  @ApiInstant({ nullable: true }) contractedAt!: string | null;
  @ApiBool({ description: 'PS-5: the target signing date has passed without a contract (as of asOf)' }) overdue!: boolean;
  @ApiNestedList(PsMortgageDocumentSchema) mortgageDocuments!: PsMortgageDocumentSchema[];
  @ApiTextList({ description: 'PS-5: mortgage documents still missing' }) missingDocuments!: string[];
}

export class PsFollowUpsSchema {
  @ApiText({ nullable: true }) salespersonId!: string | null;
  @ApiBool() overdueOnly!: boolean;
  @ApiInstant() asOf!: string;
  @ApiNestedList(PsFollowUpRowSchema, { description: 'By target signing date' }) items!: PsFollowUpRowSchema[];
}
