import type { BoundedContext } from '@ebp/shared-nest';
import { PS_CONTEXT, propertySalesReactors } from '@ebp/property-sales-domain';
import { toPublishedPsEvent } from '@ebp/property-sales-contracts';
import { PropertySalesQueryModule, propertySalesProjections } from '@ebp/property-sales-read-models';
import { PropertySalesApiModule } from '@ebp/property-sales-api';
import { seedPropertySalesDemo } from './demo/property-sales.demo';

/** Property sales as every host sees it (rules: docs/rules/property-sales.md). */
export const propertySales: BoundedContext = {
  name: PS_CONTEXT,
  title: 'Property sales',
  commands: PropertySalesApiModule,
  queries: PropertySalesQueryModule,
  projections: propertySalesProjections,
  reactors: propertySalesReactors,
  integration: toPublishedPsEvent,
  consumes: [],
  // Customers' phone and ID numbers: the audit trail shows this context's payloads to the developer's site manager only.
  auditReaders: ['site-manager'],
  asyncapi: ['docs/asyncapi/property-sales.yaml'],
  demo: seedPropertySalesDemo,
};
