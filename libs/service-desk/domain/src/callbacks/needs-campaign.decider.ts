import { assertNever, DomainError, type Decider } from '@ebp/shared-eventsourcing';
import { optionalText, requireInstant, requireText, shanghaiDate } from '@ebp/shared-kernel';
import type { CampaignCustomerRef, NeedsCampaignCommand, RecordGiftSent, RecordNeedsPlan } from './needs-campaign.commands';
import type { NeedsCampaignEvent } from './needs-campaign.events';

const RULE = 'SD-12';

export interface NeedsCampaignState {
  year: number | null;
  giftsSentTo: string[];
  /** Plans recorded per customer (a later plan revises the earlier one). */
  plans: Record<string, number>;
}

export const initialNeedsCampaignState = (): NeedsCampaignState => ({ year: null, giftsSentTo: [], plans: {} });

function requireYear(year: number, state: NeedsCampaignState): number {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) {
    throw new DomainError(RULE, `year must be a four-digit year, got ${year}`, 'invalid', 'year');
  }
  if (state.year !== null && state.year !== year) {
    throw new DomainError(RULE, `this is the ${state.year} campaign, not ${year}`, 'invalid', 'year');
  }
  return year;
}

function requireCustomer(customerId: string, customer: CampaignCustomerRef | null): string {
  const id = requireText(customerId, 'customerId', RULE);
  if (!customer || customer.customerId !== id) {
    throw new DomainError(RULE, `customer ${id} is not registered`, 'rule', 'customerId');
  }
  return id;
}

/** SD-12: gifts and needs surveys belong to December of the campaign year (Asia/Shanghai), never the future. */
function requireInDecember(instant: string, year: number, field: string, now: string): void {
  const date = shanghaiDate(instant);
  if (!date.startsWith(`${year}-12-`)) {
    throw new DomainError(RULE, `${field} ${instant} is outside December ${year}`, 'rule', field);
  }
  if (Date.parse(instant) > Date.parse(now)) {
    throw new DomainError(RULE, `${field} ${instant} is in the future`, 'invalid', field);
  }
}

function recordGift(command: RecordGiftSent, state: NeedsCampaignState): NeedsCampaignEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const year = requireYear(d.year, state);
  const customerId = requireCustomer(d.customerId, d.customer);
  const sentAt = requireInstant(d.sentAt, 'sentAt', RULE);
  requireInDecember(sentAt, year, 'sentAt', now);
  if (state.giftsSentTo.includes(customerId)) {
    throw new DomainError(RULE, `the ${year} New Year gift to ${customerId} is already recorded`, 'conflict', 'customerId');
  }
  return [
    {
      type: 'NewYearGiftSent',
      data: { year, customerId, sentAt, note: optionalText(d.note, 'note', RULE), recordedBy: requireText(d.recordedBy, 'recordedBy', RULE), recordedAt: now },
    },
  ];
}

function recordPlan(command: RecordNeedsPlan, state: NeedsCampaignState): NeedsCampaignEvent[] {
  const d = command.data;
  const now = command.metadata.now;
  const year = requireYear(d.year, state);
  const customerId = requireCustomer(d.customerId, d.customer);
  const surveyedAt = requireInstant(d.surveyedAt ?? now, 'surveyedAt', RULE);
  requireInDecember(surveyedAt, year, 'surveyedAt', now);
  return [
    {
      type: 'NeedsPlanRecorded',
      data: {
        year,
        customerId,
        plan: requireText(d.plan, 'plan', RULE),
        surveyedAt,
        recordedBy: requireText(d.recordedBy, 'recordedBy', RULE),
        recordedAt: now,
        revision: (state.plans[customerId] ?? 0) + 1,
      },
    },
  ];
}

export function decideNeedsCampaign(command: NeedsCampaignCommand, state: NeedsCampaignState): NeedsCampaignEvent[] {
  switch (command.type) {
    case 'RecordGiftSent':
      return recordGift(command, state);
    case 'RecordNeedsPlan':
      return recordPlan(command, state);
    default:
      return assertNever(command);
  }
}

export function evolveNeedsCampaign(state: NeedsCampaignState, event: NeedsCampaignEvent): NeedsCampaignState {
  switch (event.type) {
    case 'NewYearGiftSent':
      return { ...state, year: event.data.year, giftsSentTo: [...state.giftsSentTo, event.data.customerId] };
    case 'NeedsPlanRecorded':
      return { ...state, year: event.data.year, plans: { ...state.plans, [event.data.customerId]: event.data.revision } };
    default:
      return assertNever(event);
  }
}

export const needsCampaignDecider: Decider<NeedsCampaignState, NeedsCampaignCommand, NeedsCampaignEvent> = {
  initialState: initialNeedsCampaignState,
  decide: decideNeedsCampaign,
  evolve: evolveNeedsCampaign,
};
