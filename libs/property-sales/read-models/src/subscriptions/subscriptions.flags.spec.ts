import type { SubscriptionView } from './subscription.view';
import { flagSubscription, followUpOf } from './subscriptions.queries';

const base: SubscriptionView = {
  subscriptionId: 's-1',
  unitId: 'lakeside.b1.1201',
  projectId: 'lakeside',
  buildingId: 'b1',
  number: '1201',
  customerId: 'c-1',
  salespersonId: 'sp-wang',
  agencyId: 'sunrise',
  priceSheetId: 'ps-1',
  paymentMethod: 'lump-sum',
  totalFen: 100,
  status: 'signed',
  subscribedAt: '2026-03-02T10:00:00+08:00',
  subscribedDate: '2026-03-02',
  depositFen: 10,
  receiptNo: 'R',
  agreements: [],
  // 23:30 Shanghai = 15:30Z: the signing day is the Shanghai date, not the UTC one.
  signedAt: '2026-03-02T15:30:00Z',
  signedDate: '2026-03-02',
  customerCopyAt: null,
  erpReference: null,
  exportedAt: null,
  handedOverAt: null,
  siteManagerId: null,
  cancelledAt: null,
  cancelReason: null,
  steps: [],
  followUp: null,
  targetSigningDate: null,
  missingDocuments: 0,
  contractId: null,
  signingSteps: [],
  contractedAt: null,
  contractedDate: null,
  signingErrors: [],
};

describe('PS-4 / PS-5 flags as of an instant', () => {
  it('PS-4 not flagged before the signing day ends (Asia/Shanghai), flagged from its end on', () => {
    expect(flagSubscription(base, '2026-03-02T23:59:59+08:00')).toBeNull();
    expect(flagSubscription(base, '2026-03-03T00:00:00+08:00')).toMatchObject({ dueAt: '2026-03-03T00:00:00+08:00', notExported: true, notHandedOver: true });
  });

  it('PS-4 exported at 23:59:30 is in time; exported at midnight is late and stays flagged; later facts are not known at asOf', () => {
    const inTime = { ...base, exportedAt: '2026-03-02T23:59:30+08:00', erpReference: 'MY-1' };
    expect(flagSubscription(inTime, '2026-03-03T08:00:00+08:00')).toMatchObject({ notExported: false, exportedAt: '2026-03-02T23:59:30+08:00', erpReference: 'MY-1' });
    const late = { ...base, exportedAt: '2026-03-03T00:00:00+08:00', handedOverAt: '2026-03-03T09:00:00+08:00' };
    expect(flagSubscription(late, '2026-03-03T08:00:00+08:00')).toMatchObject({ notExported: true, exportedAt: '2026-03-03T00:00:00+08:00', handedOverAt: null, notHandedOver: true });
  });

  it('PS-4 a subscription cancelled before its deadline is not flagged; one signed after asOf is not yet known', () => {
    expect(flagSubscription({ ...base, status: 'cancelled', cancelledAt: '2026-03-02T23:50:00+08:00' }, '2026-03-04T00:00:00+08:00')).toBeNull();
    expect(flagSubscription(base, '2026-03-02T20:00:00+08:00')).toBeNull();
  });

  it('PS-5 overdue the day after the target signing date without a contract; documents received after asOf still missing', () => {
    const s: SubscriptionView = {
      ...base,
      targetSigningDate: '2026-03-05',
      followUp: {
        targetSigningDate: '2026-03-05',
        scheduledBy: 'sp-wang',
        scheduledAt: '2026-03-02T11:00:00+08:00',
        mortgageDocuments: [
          { document: 'id-card', received: true, receivedAt: '2026-03-04T10:00:00+08:00', receivedBy: 'sp-wang' },
          { document: 'bank-statement', received: false, receivedAt: null, receivedBy: null },
        ],
      },
    };
    expect(followUpOf(s, '2026-03-05T23:59:00+08:00')).toMatchObject({ overdue: false, missingDocuments: ['bank-statement'] });
    expect(followUpOf(s, '2026-03-06T00:00:00+08:00')).toMatchObject({ overdue: true });
    expect(followUpOf(s, '2026-03-03T00:00:00+08:00').missingDocuments).toEqual(['id-card', 'bank-statement']);
    expect(followUpOf({ ...s, status: 'contracted', contractedAt: '2026-03-05T15:00:00+08:00' }, '2026-03-06T00:00:00+08:00').overdue).toBe(false);
  });
});
