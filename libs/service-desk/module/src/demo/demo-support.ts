import type { Role } from '@ebp/shared-auth';
import type { DemoApi } from '@ebp/shared-nest';

/*
 * Helpers of the service-desk demo: the bridge to the driver's token minting, and times. The
 * generic ones (HTTP outcomes, waiting for read models, paged lists) are in @ebp/shared-nest.
 */
export { DemoError, describeReply, ensure, eventually, field, items, must, total, type Reply } from '@ebp/shared-nest';

/** What the service-desk seeders use: a token per demo staff member, with the roles of their plan. */
export interface StaffDemoApi {
  call: DemoApi['call'];
  token(staffId: string): string;
}

export function withDemoRoles(api: DemoApi, rolesOf: (staffId: string) => readonly Role[]): StaffDemoApi {
  return { call: (method, path, token, body) => api.call(method, path, token, body), token: (staffId) => api.token(staffId, rolesOf(staffId)) };
}

/** ISO 8601 in China Standard Time (+08:00), as the customers would write it. */
export function chinaTime(ms: number): string {
  const shifted = new Date(ms + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}
