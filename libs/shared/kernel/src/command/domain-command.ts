import type { CommandMetadata } from '@ebp/shared-eventsourcing';

/** `data` comes from the request; `metadata.now` from the application layer, never the clock. */
export interface DomainCommand<T extends string, D> {
  type: T;
  data: D;
  metadata: Pick<CommandMetadata, 'now'>;
}
