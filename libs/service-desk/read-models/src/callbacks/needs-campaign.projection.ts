import { assertNever, type Projection, type RecordedEvent } from '@ebp/shared-eventsourcing';
import { needsCampaignStreams, type NeedsCampaignEvent } from '@ebp/service-desk-domain';

export const NEEDS_CAMPAIGNS_COLLECTION = 'sd_needs_campaigns';

export interface CampaignGift {
  sentAt: string;
  note: string | null;
  recordedBy: string;
}

export interface CampaignNeedsPlan {
  plan: string;
  surveyedAt: string;
  recordedBy: string;
  revision: number;
}

/** SD-12: one document per campaign year; customers without entries are joined in at query time. */
export interface NeedsCampaignView {
  year: number;
  gifts: Record<string, CampaignGift>;
  plans: Record<string, CampaignNeedsPlan>;
  updatedAt: string;
}

export const needsCampaignProjection: Projection<NeedsCampaignView> = {
  name: 'service-desk-needs-campaigns',
  collection: NEEDS_CAMPAIGNS_COLLECTION,
  indexes: ['year'],
  documentId: (event) =>
    needsCampaignStreams.owns(event.metadata.streamId) ? String((event.data as { year: number }).year) : null,
  evolve: (doc, event) => evolveNeedsCampaignView(doc, event as RecordedEvent<NeedsCampaignEvent>),
};

export function evolveNeedsCampaignView(doc: NeedsCampaignView | null, event: RecordedEvent<NeedsCampaignEvent>): NeedsCampaignView {
  const e = event as NeedsCampaignEvent;
  const base: NeedsCampaignView = doc ?? { year: e.data.year, gifts: {}, plans: {}, updatedAt: event.metadata.occurredAt };
  const updatedAt = event.metadata.occurredAt;
  switch (e.type) {
    case 'NewYearGiftSent': {
      const { customerId, sentAt, note, recordedBy } = e.data;
      return { ...base, gifts: { ...base.gifts, [customerId]: { sentAt, note, recordedBy } }, updatedAt };
    }
    case 'NeedsPlanRecorded': {
      const { customerId, plan, surveyedAt, recordedBy, revision } = e.data;
      return { ...base, plans: { ...base.plans, [customerId]: { plan, surveyedAt, recordedBy, revision } }, updatedAt };
    }
    default:
      return assertNever(e);
  }
}
