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
  // Subsidy grants (docs/rules/subsidy-grants.md): the applicant, the departments on its route, experts, inspectors.
  'applicant',
  'local-finance',
  'local-it',
  'provincial-authority',
  'provincial-finance',
  'provincial-it',
  'expert',
  'inspector',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * The service company's own employees' roles: any staff member may do what SD-1 and SD-7 allow,
 * and HR's self-service is theirs. The sales centre's and the grant office's roles are other
 * organisations' people (agencies, the developer, applicants, experts): not staff.
 */
export const ANY_STAFF: readonly Role[] = ['staff', 'technical-service', 'customer-service', 'business-dept', 'general-manager', 'office', 'project-manager', 'hr-manager', 'finance'];
