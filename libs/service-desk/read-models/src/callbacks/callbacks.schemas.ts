import {
  CALLBACK_OUTCOMES,
  type CallbackOutcome,
  type CallbackSchedulePolicy,
  type CallbackWindowKind,
  type CallbackWindowStatus,
  type ScheduledCallbackWindow,
} from '@ebp/service-desk-domain';
import {
  ApiBool,
  ApiDate,
  ApiDateList,
  ApiEnum,
  ApiInstant,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiText,
  membersOf,
} from '@ebp/shared-nest';
import type { CallbackEntry } from './callback-file.projection';
import type {
  CallbackListItem,
  CallbackScheduleView,
  ListedCallbackStatus,
  NeedsCampaignCustomerRow,
  NeedsCampaignReport,
} from './callbacks.queries';
import type { CampaignGift, CampaignNeedsPlan } from './needs-campaign.projection';

const WINDOW_KINDS = membersOf<CallbackWindowKind>({ monthly: true, quarterly: true });
const WINDOW_STATUSES = membersOf<CallbackWindowStatus>({ done: true, due: true, overdue: true, upcoming: true });
export const LISTED_STATUSES = membersOf<ListedCallbackStatus>({ due: true, overdue: true });

export class CallbackEntrySchema implements CallbackEntry {
  @ApiEnum(CALLBACK_OUTCOMES) outcome!: CallbackOutcome;
  @ApiText({ nullable: true }) notes!: string | null;
  @ApiInt({ minimum: 1, maximum: 5 }) satisfaction!: number;
  @ApiInstant() calledAt!: string;
  @ApiDate({ description: 'Asia/Shanghai date of calledAt' }) calledOn!: string;
  @ApiText() calledBy!: string;
}

export class CallbackSchedulePolicySchema implements CallbackSchedulePolicy {
  @ApiInt({ minimum: 0, description: 'Monthly windows after delivery' }) monthlyWindows!: number;
  @ApiInt({ minimum: 1, description: 'Length in months of each later window' }) laterWindowMonths!: number;
}

export class ScheduledCallbackWindowSchema implements ScheduledCallbackWindow {
  @ApiInt({ minimum: 1, description: '1-based, counted from delivery across both phases' }) index!: number;
  @ApiEnum(WINDOW_KINDS) kind!: CallbackWindowKind;
  @ApiDate({ description: 'First day of the window' }) startsOn!: string;
  @ApiDate({ description: 'Day after the last day of the window: [startsOn, endsBefore)' }) endsBefore!: string;
  @ApiEnum(WINDOW_STATUSES) status!: CallbackWindowStatus;
  @ApiDateList({ description: 'Dates of the callbacks that fall in the window (as of the evaluation date)' }) callbacksOn!: string[];
}

export class CallbackScheduleSchema implements CallbackScheduleView {
  @ApiText() projectId!: string;
  @ApiText() projectName!: string;
  @ApiText() customerId!: string;
  @ApiDate() deliveredOn!: string;
  @ApiDate({ description: 'The date the windows are judged on' }) asOf!: string;
  @ApiNested(CallbackSchedulePolicySchema, { description: 'The SD-11 policy version in force on the delivery date' }) policy!: CallbackSchedulePolicySchema;
  @ApiNestedList(CallbackEntrySchema, { description: 'Callbacks made by asOf, in call order' }) callbacks!: CallbackEntrySchema[];
  @ApiNestedList(ScheduledCallbackWindowSchema) windows!: ScheduledCallbackWindowSchema[];
}

export class CallbackListItemSchema implements CallbackListItem {
  @ApiText() projectId!: string;
  @ApiText() projectName!: string;
  @ApiText() customerId!: string;
  @ApiDate() deliveredOn!: string;
  @ApiInt({ minimum: 1 }) windowIndex!: number;
  @ApiEnum(WINDOW_KINDS) kind!: CallbackWindowKind;
  @ApiDate() startsOn!: string;
  @ApiDate() endsBefore!: string;
  @ApiEnum(LISTED_STATUSES) status!: ListedCallbackStatus;
}

export class CallbackListSchema {
  @ApiDate() asOf!: string;
  @ApiInt({ minimum: 0 }) total!: number;
  @ApiNestedList(CallbackListItemSchema, { description: 'Oldest window first' }) items!: CallbackListItemSchema[];
}

export class CampaignGiftSchema implements CampaignGift {
  @ApiInstant() sentAt!: string;
  @ApiText({ nullable: true }) note!: string | null;
  @ApiText() recordedBy!: string;
}

export class CampaignNeedsPlanSchema implements CampaignNeedsPlan {
  @ApiText() plan!: string;
  @ApiInstant() surveyedAt!: string;
  @ApiText() recordedBy!: string;
  @ApiInt({ minimum: 1, description: 'How many times the plan was recorded this year' }) revision!: number;
}

export class NeedsCampaignCustomerRowSchema implements NeedsCampaignCustomerRow {
  @ApiText() customerId!: string;
  @ApiText() name!: string;
  @ApiBool() giftSent!: boolean;
  @ApiNested(CampaignGiftSchema, { nullable: true }) gift!: CampaignGiftSchema | null;
  @ApiBool() needsRecorded!: boolean;
  @ApiNested(CampaignNeedsPlanSchema, { nullable: true }) needsPlan!: CampaignNeedsPlanSchema | null;
}

export class NeedsCampaignReportSchema implements NeedsCampaignReport {
  @ApiInt() year!: number;
  @ApiInt({ minimum: 0, description: 'Registered customers' }) customers!: number;
  @ApiInt({ minimum: 0 }) giftsSent!: number;
  @ApiInt({ minimum: 0 }) needsRecorded!: number;
  @ApiNestedList(NeedsCampaignCustomerRowSchema, { description: 'Every registered customer, by customer id' }) items!: NeedsCampaignCustomerRowSchema[];
}
