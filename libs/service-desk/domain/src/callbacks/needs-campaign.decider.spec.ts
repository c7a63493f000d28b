import { DeciderSpecification } from '@ebp/shared-eventsourcing/testing';
import type { RecordGiftSent, RecordNeedsPlan } from './needs-campaign.commands';
import { needsCampaignDecider } from './needs-campaign.decider';
import type { GiftSent, NeedsPlanRecorded } from './needs-campaign.events';

const spec = DeciderSpecification.for(needsCampaignDecider);
const NOW = '2025-12-20T10:00:00+08:00';
const customer = { customerId: 'c-1', name: 'Hangzhou Water' };

const sendGift = (data: Partial<RecordGiftSent['data']> = {}, now = NOW): RecordGiftSent => ({
  type: 'RecordGiftSent',
  data: { year: 2025, customerId: 'c-1', customer, recordedBy: 'cs-li', sentAt: '2025-12-10T09:00:00+08:00', ...data },
  metadata: { now },
});

const giftSent = (data: Partial<GiftSent['data']> = {}): GiftSent => ({
  type: 'NewYearGiftSent',
  data: { year: 2025, customerId: 'c-1', sentAt: '2025-12-10T09:00:00+08:00', note: null, recordedBy: 'cs-li', recordedAt: NOW, ...data },
});

const recordPlan = (data: Partial<RecordNeedsPlan['data']> = {}, now = NOW): RecordNeedsPlan => ({
  type: 'RecordNeedsPlan',
  data: { year: 2025, customerId: 'c-1', customer, recordedBy: 'cs-li', plan: 'Upgrade two pump stations in Q2', ...data },
  metadata: { now },
});

const planRecorded = (data: Partial<NeedsPlanRecorded['data']> = {}): NeedsPlanRecorded => ({
  type: 'NeedsPlanRecorded',
  data: {
    year: 2025,
    customerId: 'c-1',
    plan: 'Upgrade two pump stations in Q2',
    surveyedAt: NOW,
    recordedBy: 'cs-li',
    recordedAt: NOW,
    revision: 1,
    ...data,
  },
});

describe('needs campaign decider', () => {
  it('SD-12 records the New Year gift sent to a customer in December', () => {
    const state = spec.when(sendGift()).then([giftSent()]);
    expect(state.giftsSentTo).toEqual(['c-1']);
  });

  it('SD-12 records a customer needs plan for next year (a later one revises it)', () => {
    spec.when(recordPlan()).then([planRecorded()]);
    spec.given([planRecorded()]).when(recordPlan({ plan: 'Revised' })).then([planRecorded({ plan: 'Revised', revision: 2 })]);
  });

  it('SD-12 Asia/Shanghai decides the month: Nov 30 16:30Z is already Dec 1 in Shanghai', () => {
    spec.when(sendGift({ sentAt: '2025-11-30T16:30:00Z' })).then([giftSent({ sentAt: '2025-11-30T16:30:00Z' })]);
  });

  it.each([
    ['November', '2025-11-30T23:59:00+08:00'],
    ['January of the next year', '2026-01-01T00:00:00+08:00'],
    ['December of another year', '2024-12-15T10:00:00+08:00'],
  ])('SD-12 refuses a gift sent in %s', (_, sentAt) => {
    expect(spec.when(sendGift({ sentAt }, '2026-02-01T10:00:00+08:00')).thenThrows('SD-12')).toMatchObject({ field: 'sentAt' });
  });

  it('SD-12 refuses a needs plan surveyed outside December of the campaign year', () => {
    expect(spec.when(recordPlan({}, '2025-11-20T10:00:00+08:00')).thenThrows('SD-12')).toMatchObject({ field: 'surveyedAt' });
    expect(spec.when(recordPlan({ surveyedAt: '2026-01-02T10:00:00+08:00' }, '2026-01-03T10:00:00+08:00')).thenThrows('SD-12')).toMatchObject({
      field: 'surveyedAt',
    });
  });

  it('SD-12 refuses a gift dated in the future', () => {
    expect(spec.when(sendGift({ sentAt: '2025-12-21T10:00:00+08:00' })).thenThrows('SD-12')).toMatchObject({ field: 'sentAt' });
  });

  it('SD-12 refuses unknown customers', () => {
    expect(spec.when(sendGift({ customer: null })).thenThrows('SD-12')).toMatchObject({ field: 'customerId' });
    expect(spec.when(recordPlan({ customer: null })).thenThrows('SD-12')).toMatchObject({ field: 'customerId' });
  });

  it('SD-12 refuses recording the same gift twice', () => {
    expect(spec.given([giftSent()]).when(sendGift()).thenThrows('SD-12')).toMatchObject({ kind: 'conflict' });
  });

  it('SD-12 refuses a command for another year on this campaign', () => {
    expect(spec.given([giftSent()]).when(recordPlan({ year: 2026 })).thenThrows('SD-12')).toMatchObject({ field: 'year' });
  });
});
