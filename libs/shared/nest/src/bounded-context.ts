import type { Type } from '@nestjs/common';
import { contextOf, type IntegrationMapping, type IntegrationReactor, type Projection, type Reactor } from '@ebp/shared-eventsourcing';

/** What a context's demo seeding gets from the demo driver: its HTTP call and a token per demo user. */
export interface DemoApi {
  /** A string body with `contentType` (e.g. `text/csv`) is sent as is; any other body as JSON. */
  call(method: string, path: string, token?: string, body?: unknown, contentType?: string): Promise<{ status: number; body: unknown }>;
  /** A bearer token for a demo user, with the roles the context's demo gives them. */
  token(userId: string, roles: readonly string[]): string;
}

/**
 * A bounded context as every host sees it. One object per context (its `module` library);
 * the platform's list of contexts is the only place that enumerates them.
 */
export interface BoundedContext {
  /** Kebab-case name: the first part of its stream names and of its topics (`<name>.events.v1`). */
  name: string;
  /** For OpenAPI titles and logs. */
  title: string;
  /** Nest module of the command API; needs EVENT_STORE, READ_MODEL_STORE and CLOCK from the host. */
  commands: Type<unknown>;
  /** Nest module of the query API; needs READ_MODEL_STORE from the host. */
  queries: Type<unknown>;
  /** Read models built from this context's domain events. */
  projections: Projection<object>[];
  /** Policies over this context's own domain events. */
  reactors: Reactor[];
  /** Domain event → published-language event, put on `<name>.integration.v1`. */
  integration: IntegrationMapping;
  /** Policies over other contexts' integration events (each names the contexts it listens to). */
  consumes: IntegrationReactor[];
  /**
   * Roles that may read this context's event payloads in the audit trail (its personal data);
   * other audit roles see the entries with the payload withheld. Omitted: every audit role.
   */
  auditReaders?: readonly string[];
  /** Repository-relative AsyncAPI sources documenting this context's topics. */
  asyncapi: string[];
  /** Seeds a running platform with this context's demo data through its HTTP API; returns a summary. */
  demo?: (api: DemoApi) => Promise<Record<string, unknown>>;
}

/** Each context's own mapping applied to its own events: the published language of the whole platform. */
export function integrationMappingOf(contexts: readonly BoundedContext[]): IntegrationMapping {
  const byName = new Map(contexts.map((c) => [c.name, c.integration]));
  return (event) => byName.get(contextOf(event.metadata.streamId))?.(event) ?? null;
}

/** Each context's audit payload readers, for the audit trail's host. */
export function auditPayloadReadersOf(contexts: readonly BoundedContext[]): Record<string, readonly string[]> {
  return Object.fromEntries(contexts.flatMap((c) => (c.auditReaders ? [[c.name, c.auditReaders] as const] : [])));
}
