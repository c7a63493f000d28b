/** Roles named by the regulations (docs/rules/<context>.md). */
export const ROLES = [
  'staff',
  'technical-service',
  'customer-service',
  'business-dept',
  'general-manager',
  'office',
  'project-manager',
  'hr-manager',
  'finance',
  // Property sales (docs/rules/property-sales.md): the agencies' people and the developer's.
  'salesperson',
  'agency-supervisor',
  'contract-administrator',
  'site-manager',
  'site-supervisor',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Every employee role: any staff member may do what SD-1 and SD-7 allow. */
export const ANY_STAFF: readonly Role[] = ROLES;
