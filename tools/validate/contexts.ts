import 'reflect-metadata';
import { contexts } from '@ebp/platform-contexts';

/** What the deployment and contract validators need from the list of contexts, as plain data. */
export interface ContextFacts {
  name: string;
  title: string;
  asyncapi: string[];
  projections: string[];
  consumes: { reactor: string; from: string[] }[];
}

export function describeContexts(): ContextFacts[] {
  return contexts.map((c) => ({
    name: c.name,
    title: c.title,
    asyncapi: c.asyncapi,
    projections: c.projections.map((p) => p.name),
    consumes: c.consumes.map((r) => ({ reactor: r.name, from: r.from })),
  }));
}
