import type { IntegrationMapping, RecordedEvent } from '@ebp/shared-eventsourcing';
import {
  CALLBACKS_INTEGRATION_EVENT_TYPES,
  toCallbacksIntegrationEvent,
  type CallbacksIntegrationEvent,
} from '../callbacks/callbacks.contracts';
import { DUTY_INTEGRATION_EVENT_TYPES, toDutyIntegrationEvent, type DutyIntegrationEvent } from '../duty/duty.contracts';
import { FAULT_INTEGRATION_EVENT_TYPES, toFaultIntegrationEvent, type FaultIntegrationEvent } from '../faults/faults.contracts';
import { LADDER_INTEGRATION_EVENT_TYPES, toLadderIntegrationEvent, type LadderIntegrationEvent } from '../ladder/ladder.contracts';
import {
  PROACTIVE_INTEGRATION_EVENT_TYPES,
  toProactiveIntegrationEvent,
  type ProactiveIntegrationEvent,
} from '../proactive/proactive.contracts';
import { SERVICE_DESK_INTEGRATION_EVENT_TYPES, toIntegrationEvent, type ServiceDeskIntegrationEvent } from '../ticket/ticket.contracts';

/** Every integration event the service desk publishes, of every area. */
export type PublishedServiceDeskEvent =
  | ServiceDeskIntegrationEvent
  | CallbacksIntegrationEvent
  | DutyIntegrationEvent
  | FaultIntegrationEvent
  | LadderIntegrationEvent
  | ProactiveIntegrationEvent;

/** Every versioned type the service desk publishes, of every area. */
export const PUBLISHED_SERVICE_DESK_EVENT_TYPES: readonly PublishedServiceDeskEvent['type'][] = [
  ...SERVICE_DESK_INTEGRATION_EVENT_TYPES,
  ...CALLBACKS_INTEGRATION_EVENT_TYPES,
  ...DUTY_INTEGRATION_EVENT_TYPES,
  ...FAULT_INTEGRATION_EVENT_TYPES,
  ...LADDER_INTEGRATION_EVENT_TYPES,
  ...PROACTIVE_INTEGRATION_EVENT_TYPES,
];

/** The context's mapping: any recorded service-desk domain event to the integration event it publishes, if any. */
export const toPublishedEvent = ((event: RecordedEvent): PublishedServiceDeskEvent | null =>
  toIntegrationEvent(event) ??
  toCallbacksIntegrationEvent(event) ??
  toDutyIntegrationEvent(event) ??
  toFaultIntegrationEvent(event) ??
  toLadderIntegrationEvent(event) ??
  toProactiveIntegrationEvent(event)) satisfies IntegrationMapping;
