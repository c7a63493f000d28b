import type { DomainEvent } from '@ebp/shared-eventsourcing';

export type GiftSent = DomainEvent<
  'NewYearGiftSent',
  { year: number; customerId: string; sentAt: string; note: string | null; recordedBy: string; recordedAt: string }
>;
export type NeedsPlanRecorded = DomainEvent<
  'NeedsPlanRecorded',
  { year: number; customerId: string; plan: string; surveyedAt: string; recordedBy: string; recordedAt: string; revision: number }
>;
export type NeedsCampaignEvent = GiftSent | NeedsPlanRecorded;
