import type { DomainEvent, EventMetadata } from '@ebp/shared-eventsourcing';

/** An event as folded: from the store it carries its metadata, while deciding it does not yet. */
export type MaybeRecorded<E extends DomainEvent> = E & { metadata?: Pick<EventMetadata, 'eventId'> };

/** HR-6: payslip lines name the events behind them, so state keeps the id of each stored fact. */
export const eventIdOf = (event: MaybeRecorded<DomainEvent>): string | null => event.metadata?.eventId ?? null;
