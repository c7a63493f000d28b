import type { DomainCommand } from '@ebp/shared-kernel';

/** The customer as the directory knows it; null when it is not registered. */
export interface CampaignCustomerRef {
  customerId: string;
  name: string;
}

export interface CampaignCommandData {
  /** The campaign year: its December is when gifts go out and needs are surveyed. */
  year: number;
  customerId: string;
  /** Looked up by the application layer; null refuses the command. */
  customer: CampaignCustomerRef | null;
  recordedBy: string;
}

export type RecordGiftSent = DomainCommand<'RecordGiftSent', CampaignCommandData & { sentAt: string; note?: string | null }>;
export type RecordNeedsPlan = DomainCommand<
  'RecordNeedsPlan',
  CampaignCommandData & { plan: string; /** When the needs were collected; defaults to now. */ surveyedAt?: string | null }
>;
export type NeedsCampaignCommand = RecordGiftSent | RecordNeedsPlan;
