import { integrationEnvelope, streamCategory, type IntegrationEvent, type IntegrationMapping, type RecordedEvent } from '@ebp/shared-eventsourcing';

/**
 * Property sales' published language (docs/asyncapi/property-sales.yaml), on
 * `property-sales.integration.v1`. The developer's ERP (明源) takes signed subscriptions and
 * contracts from here (PS-4); HR or a payroll system takes the signing-error fines (PS-8); a
 * display or website may follow unit states. Customers appear by id only: names, phone and ID
 * numbers are personal data and never published. Every event's subject (the Kafka key) is the
 * unit id, so one unit's events stay in order. Versioned: a breaking change ships as `.v2`.
 */
export const PROPERTY_SALES_SOURCE = 'property-sales' as const;

export type PsIntegrationEventEnvelope<T extends string, D> = IntegrationEvent<T, D> & { source: typeof PROPERTY_SALES_SOURCE };

export type UnitStateV1 = 'available' | 'reserved' | 'held' | 'subscribed' | 'contracted';
export type PaymentMethodV1 = 'lump-sum' | 'commercial-mortgage' | 'provident-fund' | 'combined';

/**
 * PS-1: a unit's state on sales control changed. A reserved unit becomes available again at
 * `expiresAt` without a message; becoming contracted is published as contract-signed.v1.
 */
export interface UnitStateChangedV1Data {
  unitId: string;
  projectId: string;
  buildingId: string;
  number: string;
  state: Exclude<UnitStateV1, 'contracted'>;
  /** For `reserved`: when the reservation lapses. */
  expiresAt: string | null;
  at: string;
}

/** PS-4: a subscription signed by the customer: to be entered in the ERP the same day. */
export interface SubscriptionSignedV1Data {
  subscriptionId: string;
  unitId: string;
  projectId: string;
  buildingId: string;
  customerId: string;
  agencyId: string;
  salespersonId: string;
  paymentMethod: PaymentMethodV1;
  totalFen: number;
  depositFen: number;
  agreements: string[];
  signedAt: string;
}

/** PS-7: the sales contract concluded (the site supervisor's seal). */
export interface ContractSignedV1Data {
  contractId: string;
  subscriptionId: string;
  unitId: string;
  customerId: string;
  agencyId: string;
  salespersonId: string;
  paymentMethod: PaymentMethodV1;
  totalFen: number;
  contractedAt: string;
}

/** PS-8: a signing error: a change request to the housing authority and the fine on the salesperson. */
export interface SigningErrorFinedV1Data {
  errorId: string;
  contractId: string;
  unitId: string;
  salespersonId: string;
  fineFen: number;
  description: string;
  at: string;
}

export type UnitStateChangedV1 = PsIntegrationEventEnvelope<'property-sales.unit-state-changed.v1', UnitStateChangedV1Data>;
export type SubscriptionSignedV1 = PsIntegrationEventEnvelope<'property-sales.subscription-signed.v1', SubscriptionSignedV1Data>;
export type ContractSignedV1 = PsIntegrationEventEnvelope<'property-sales.contract-signed.v1', ContractSignedV1Data>;
export type SigningErrorFinedV1 = PsIntegrationEventEnvelope<'property-sales.signing-error-fined.v1', SigningErrorFinedV1Data>;

export type PublishedPsEvent = UnitStateChangedV1 | SubscriptionSignedV1 | ContractSignedV1 | SigningErrorFinedV1;

export const PUBLISHED_PS_EVENT_TYPES: readonly PublishedPsEvent['type'][] = [
  'property-sales.unit-state-changed.v1',
  'property-sales.subscription-signed.v1',
  'property-sales.contract-signed.v1',
  'property-sales.signing-error-fined.v1',
];

/** The unit facts the mapping needs to carry forward (the relay keeps nothing: each event names what it needs). */
type UnitRef = { unitId: string };

/** The domain events the mapping reads, as the contracts see them (the domain's compat spec checks assignability). */
export type PsSourceEvent =
  | { type: 'UnitListed'; data: UnitRef & { listedAt: string } }
  | { type: 'UnitHeldBack'; data: UnitRef & { at: string } }
  | { type: 'UnitReleased'; data: UnitRef & { at: string } }
  | { type: 'UnitReserved'; data: UnitRef & { reservedAt: string; expiresAt: string } }
  | { type: 'UnitReservationCancelled'; data: UnitRef & { at: string } }
  | { type: 'UnitSubscribed'; data: UnitRef & { subscribedAt: string } }
  | { type: 'SubscriptionCancelled'; data: UnitRef & { at: string } }
  | { type: 'UnitContracted'; data: UnitRef & { subscriptionId: string; contractId: string; customerId: string; agencyId: string; salespersonId: string; paymentMethod: PaymentMethodV1; totalFen: number; contractedAt: string } }
  | {
      type: 'SubscriptionSigned';
      data: UnitRef & {
        subscriptionId: string;
        customerId: string;
        agencyId: string;
        salespersonId: string;
        paymentMethod: PaymentMethodV1;
        totalFen: number;
        depositFen: number;
        agreements: string[];
        signedAt: string;
      };
    }
  | { type: 'SigningErrorRecorded'; data: UnitRef & { errorId: string; contractId: string; responsibleSalespersonId: string; fineFen: number; description: string; at: string } };

const units = streamCategory(PROPERTY_SALES_SOURCE, 'unit');

/** `<projectId>.<buildingId>.<number>` → its parts (the unit id is also the stream id). */
function partsOf(unitId: string): { projectId: string; buildingId: string; number: string } {
  const [projectId = '', buildingId = '', number = ''] = unitId.split('.');
  return { projectId, buildingId, number };
}

function stateChanged(event: RecordedEvent, unitId: string, state: UnitStateChangedV1Data['state'], at: string, expiresAt: string | null = null): UnitStateChangedV1 {
  return integrationEnvelope(PROPERTY_SALES_SOURCE, 'property-sales.unit-state-changed.v1', event, unitId, { unitId, ...partsOf(unitId), state, expiresAt, at });
}

/** Any recorded property-sales domain event to the integration event it publishes, or null. */
export const toPublishedPsEvent = ((event: RecordedEvent): PublishedPsEvent | null => {
  if (!units.owns(event.metadata.streamId)) return null;
  const e = event as unknown as PsSourceEvent;
  switch (e.type) {
    case 'UnitListed':
      return stateChanged(event, e.data.unitId, 'available', e.data.listedAt);
    case 'UnitHeldBack':
      return stateChanged(event, e.data.unitId, 'held', e.data.at);
    case 'UnitReleased':
      return stateChanged(event, e.data.unitId, 'available', e.data.at);
    case 'UnitReserved':
      return stateChanged(event, e.data.unitId, 'reserved', e.data.reservedAt, e.data.expiresAt);
    case 'UnitReservationCancelled':
      return stateChanged(event, e.data.unitId, 'available', e.data.at);
    case 'UnitSubscribed':
      return stateChanged(event, e.data.unitId, 'subscribed', e.data.subscribedAt);
    case 'SubscriptionCancelled':
      return stateChanged(event, e.data.unitId, 'available', e.data.at);
    case 'SubscriptionSigned': {
      const d = e.data;
      const { projectId, buildingId } = partsOf(d.unitId);
      return integrationEnvelope(PROPERTY_SALES_SOURCE, 'property-sales.subscription-signed.v1', event, d.unitId, {
        subscriptionId: d.subscriptionId,
        unitId: d.unitId,
        projectId,
        buildingId,
        customerId: d.customerId,
        agencyId: d.agencyId,
        salespersonId: d.salespersonId,
        paymentMethod: d.paymentMethod,
        totalFen: d.totalFen,
        depositFen: d.depositFen,
        agreements: [...d.agreements],
        signedAt: d.signedAt,
      });
    }
    case 'UnitContracted': {
      const d = e.data;
      return integrationEnvelope(PROPERTY_SALES_SOURCE, 'property-sales.contract-signed.v1', event, d.unitId, {
        contractId: d.contractId,
        subscriptionId: d.subscriptionId,
        unitId: d.unitId,
        customerId: d.customerId,
        agencyId: d.agencyId,
        salespersonId: d.salespersonId,
        paymentMethod: d.paymentMethod,
        totalFen: d.totalFen,
        contractedAt: d.contractedAt,
      });
    }
    case 'SigningErrorRecorded': {
      const d = e.data;
      return integrationEnvelope(PROPERTY_SALES_SOURCE, 'property-sales.signing-error-fined.v1', event, d.unitId, {
        errorId: d.errorId,
        contractId: d.contractId,
        unitId: d.unitId,
        salespersonId: d.responsibleSalespersonId,
        fineFen: d.fineFen,
        description: d.description,
        at: d.at,
      });
    }
    default:
      return null;
  }
}) satisfies IntegrationMapping;
