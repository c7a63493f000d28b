import {
  SHIRKING_KINDS,
  SHIRKING_SANCTIONS,
  type CustomerPreference,
  type CustomerPreferences,
  type LadderStage,
  type ServiceLadder,
  type ShirkingFinding,
  type ShirkingKind,
  type ShirkingSanction,
} from '@ebp/service-desk-domain';
import { ApiBool, ApiEnum, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText, ApiTextList, membersOf } from '@ebp/shared-nest';

const STAGES = membersOf<LadderStage>({ hotline: true, remote: true, 'on-site': true, arrived: true });

type Step<K extends keyof ServiceLadder> = NonNullable<ServiceLadder[K]>;

export class HotlineStepSchema implements Step<'hotline'> {
  @ApiText() startedBy!: string;
  @ApiInstant() startedAt!: string;
  @ApiText({ nullable: true }) note!: string | null;
}

export class AuthorizationStepSchema implements Step<'authorization'> {
  @ApiText() authorizedBy!: string;
  @ApiInstant() authorizedAt!: string;
}

export class RemoteStepSchema implements Step<'remote'> {
  @ApiText() escalatedBy!: string;
  @ApiInstant() escalatedAt!: string;
}

export class RemoteImpossibleSchema implements Step<'remoteImpossible'> {
  @ApiText() reason!: string;
  @ApiText() declaredBy!: string;
  @ApiInstant() declaredAt!: string;
}

export class OnSiteStepSchema implements Step<'onSite'> {
  @ApiText() siteId!: string;
  @ApiText() siteName!: string;
  @ApiInt({ minimum: 0 }) responseTimeMinutes!: number;
  @ApiText() dispatchedBy!: string;
  @ApiInstant() dispatchedAt!: string;
  @ApiInstant({ description: 'SD-8: dispatch time plus the site’s agreed response time' }) deadline!: string;
  @ApiText({ nullable: true }) engineerId!: string | null;
}

export class ArrivalSchema implements Step<'arrival'> {
  @ApiInstant() arrivedAt!: string;
  @ApiText() recordedBy!: string;
}

/** SD-8: one ticket's service ladder, as its aggregate holds it. */
export class ServiceLadderSchema implements ServiceLadder {
  @ApiEnum(['active']) status!: 'active';
  @ApiText() ticketId!: string;
  @ApiText() customerId!: string;
  @ApiEnum(STAGES) stage!: LadderStage;
  @ApiNested(HotlineStepSchema) hotline!: HotlineStepSchema;
  @ApiNested(AuthorizationStepSchema, { nullable: true, description: 'Customer authorization of remote service' }) authorization!: AuthorizationStepSchema | null;
  @ApiNested(RemoteStepSchema, { nullable: true }) remote!: RemoteStepSchema | null;
  @ApiNested(RemoteImpossibleSchema, { nullable: true }) remoteImpossible!: RemoteImpossibleSchema | null;
  @ApiNested(OnSiteStepSchema, { nullable: true }) onSite!: OnSiteStepSchema | null;
  @ApiNested(ArrivalSchema, { nullable: true }) arrival!: ArrivalSchema | null;
  @ApiBool({ nullable: true, description: 'Arrived after the deadline; null until arrival' }) breached!: boolean | null;
  @ApiInt({ nullable: true, minimum: 0, description: 'Null until arrival' }) minutesLate!: number | null;
}

/** SD-6: one recorded shirking finding. */
export class ShirkingFindingSchema implements ShirkingFinding {
  @ApiEnum(['recorded']) status!: 'recorded';
  @ApiText() findingId!: string;
  @ApiText() ticketId!: string;
  @ApiText() customerId!: string;
  @ApiText() staffId!: string;
  @ApiText() staffName!: string;
  @ApiText() staffDepartment!: string;
  @ApiEnum(SHIRKING_KINDS) kind!: ShirkingKind;
  @ApiEnum(SHIRKING_SANCTIONS) sanction!: ShirkingSanction;
  @ApiText() description!: string;
  @ApiText({ description: 'The supervisor who recorded it' }) recordedBy!: string;
  @ApiInstant() recordedAt!: string;
}

export class CustomerPreferenceSchema implements CustomerPreference {
  @ApiText() topic!: string;
  @ApiText() preference!: string;
  @ApiText() recordedBy!: string;
  @ApiInstant() recordedAt!: string;
}

/** SD-17: the preferences on a customer's profile; a customer without any has no `status`. */
export class CustomerPreferencesSchema implements Omit<CustomerPreferences, 'status'> {
  @ApiEnum(['active'], { optional: true }) status?: 'active';
  @ApiText() customerId!: string;
  @ApiNestedList(CustomerPreferenceSchema, { description: 'Latest preference per topic, in the order topics were first recorded' })
  preferences!: CustomerPreferenceSchema[];
}

/** SD-17: an unmet expectation; the analysis fields appear once `status` is `analysed`. */
export class TicketExpectationSchema {
  @ApiEnum(['unmet', 'analysed'], { description: '`unmet`: the improvement analysis is still due and the ticket must not close' }) status!: 'unmet' | 'analysed';
  @ApiText() ticketId!: string;
  @ApiText() customerId!: string;
  @ApiText() expectation!: string;
  @ApiText() reason!: string;
  @ApiText() unmetRecordedBy!: string;
  @ApiInstant() unmetRecordedAt!: string;
  @ApiText({ optional: true }) analysis?: string;
  @ApiTextList({ optional: true }) improvementActions?: string[];
  @ApiText({ optional: true }) analysedBy?: string;
  @ApiInstant({ optional: true }) analysedAt?: string;
}
