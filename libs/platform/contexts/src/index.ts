import type { BoundedContext } from '@ebp/shared-nest';
import { hrAttendance } from '@ebp/hr-attendance-module';
import { propertySales } from '@ebp/property-sales-module';
import { serviceDesk } from '@ebp/service-desk-module';

/**
 * The one list of bounded contexts. The embedded platform, the relay, the projector, the query
 * API and the command APIs enumerate it; `npm run validate` checks the deployment files and
 * AsyncAPI against it. Adding a context: README, "Adding a bounded context".
 */
export const contexts: readonly BoundedContext[] = [serviceDesk, hrAttendance, propertySales];

export function contextNamed(name: string): BoundedContext {
  const context = contexts.find((c) => c.name === name);
  if (!context) throw new Error(`unknown bounded context "${name}"; known: ${contexts.map((c) => c.name).join(', ')}`);
  return context;
}
