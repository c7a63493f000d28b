import type { Projection } from '@ebp/shared-eventsourcing';
import { unitStreams, type UnitEvent } from '@ebp/property-sales-domain';
import { evolveSubscription, isSubscriptionEvent, type SubscriptionView } from './subscription.view';

export const SUBSCRIPTIONS_COLLECTION = 'ps_subscriptions';

/**
 * PS-4 / PS-5 / PS-7: one document per subscription (id: the subscription id), queried by its
 * scalar project, agency, salesperson, status and dates (the PS-4 flags, the PS-5 follow-ups, the
 * day's sales); steps and documents are read in memory.
 */
export const psSubscriptionsProjection: Projection<SubscriptionView> = {
  name: 'property-sales-subscriptions',
  collection: SUBSCRIPTIONS_COLLECTION,
  indexes: ['projectId', 'agencyId', 'salespersonId', 'status', 'subscribedDate', 'signedDate', 'contractedDate', 'targetSigningDate', 'contractId'],
  documentId(event) {
    if (!isSubscriptionEvent(event.type) || !unitStreams.owns(event.metadata.streamId)) return null;
    const id = (event.data as { subscriptionId?: unknown }).subscriptionId;
    return typeof id === 'string' ? id : null;
  },
  evolve: (doc, event) => evolveSubscription(doc, event as unknown as UnitEvent, event.metadata.eventId),
};
