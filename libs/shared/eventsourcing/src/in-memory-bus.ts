import type { RecordedEvent } from './envelope';
import type { BatchHandler, EventBus, Subscription } from './ports';

/**
 * The embedded default's bus: delivery is in-process and `publish` resolves only after every
 * group handled the batch, so the relay's checkpoint never runs ahead of the projections.
 */
export class InProcessEventBus implements EventBus {
  private readonly groups = new Map<string, BatchHandler>();

  async publish(events: RecordedEvent[], options: { watermark?: number } = {}): Promise<void> {
    if (events.length === 0) return;
    // In-process, every group sees the whole log in order: the batch's last position is the watermark.
    const watermark = Math.max(options.watermark ?? 0, events[events.length - 1].metadata.position);
    for (const handler of [...this.groups.values()]) await handler(events, watermark);
  }

  async subscribe(group: string, handler: BatchHandler): Promise<Subscription> {
    if (this.groups.has(group)) throw new Error(`group ${group} already subscribed`);
    this.groups.set(group, handler);
    return { stop: async () => void this.groups.delete(group) };
  }

  async close(): Promise<void> {
    this.groups.clear();
  }
}
