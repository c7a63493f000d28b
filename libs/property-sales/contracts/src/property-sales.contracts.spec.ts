import { recorded } from '@ebp/shared-eventsourcing/testing';
import { PUBLISHED_PS_EVENT_TYPES, toPublishedPsEvent } from './property-sales.contracts';

const UNIT = 'lakeside.b1.1203';
const STREAM = `property-sales.unit.${UNIT}`;
const AT = '2026-03-02T10:00:00+08:00';

describe('property sales published language', () => {
  it('PS-1 publishes every state change of a unit with its building, for boards outside the platform', () => {
    const reserved = toPublishedPsEvent(recorded({ type: 'UnitReserved', data: { unitId: UNIT, customerId: 'c-1', reservedAt: AT, expiresAt: '2026-03-03T10:00:00+08:00' } }, { streamId: STREAM }));
    expect(reserved).toMatchObject({
      type: 'property-sales.unit-state-changed.v1',
      subject: UNIT,
      data: { unitId: UNIT, projectId: 'lakeside', buildingId: 'b1', number: '1203', state: 'reserved', expiresAt: '2026-03-03T10:00:00+08:00', at: AT },
    });
    expect(JSON.stringify(reserved)).not.toContain('c-1');
  });

  it('PS-4 publishes the signed subscription for the ERP with the customer by id only', () => {
    const signed = toPublishedPsEvent(
      recorded(
        {
          type: 'SubscriptionSigned',
          data: { unitId: UNIT, subscriptionId: 's-1', customerId: 'c-1', salespersonId: 'sp-li', agencyId: 'sunrise', agreements: ['subscription'], paymentMethod: 'combined', totalFen: 300_000_000, depositFen: 5_000_000, signedAt: AT, phone: '+8613812341234' },
        },
        { streamId: STREAM },
      ),
    );
    expect(signed).toMatchObject({ type: 'property-sales.subscription-signed.v1', subject: UNIT, data: { projectId: 'lakeside', totalFen: 300_000_000, customerId: 'c-1' } });
    expect(JSON.stringify(signed)).not.toContain('13812341234');
  });

  it('PS-8 publishes the signing-error fine on the responsible salesperson', () => {
    const fined = toPublishedPsEvent(
      recorded({ type: 'SigningErrorRecorded', data: { unitId: UNIT, errorId: 'e-1', contractId: 'k-1', responsibleSalespersonId: 'sp-li', fineFen: 20_000, description: 'wrong area', at: AT } }, { streamId: STREAM }),
    );
    expect(fined).toMatchObject({ type: 'property-sales.signing-error-fined.v1', data: { salespersonId: 'sp-li', fineFen: 20_000 } });
  });

  it('publishes nothing from other streams, and only versioned property-sales types', () => {
    expect(toPublishedPsEvent(recorded({ type: 'UnitListed', data: { unitId: UNIT, listedAt: AT } }, { streamId: 'property-sales.customer.c-1' }))).toBeNull();
    for (const type of PUBLISHED_PS_EVENT_TYPES) expect(type).toMatch(/^property-sales\.[a-z-]+\.v1$/);
  });
});
