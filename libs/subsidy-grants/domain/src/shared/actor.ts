import { DomainError } from '@ebp/shared-eventsourcing';

/** SG roles (README role table). */
export const SG_ROLES = ['applicant', 'local-finance', 'local-it', 'provincial-authority', 'provincial-finance', 'provincial-it', 'expert', 'inspector'] as const;
export type SgRole = (typeof SG_ROLES)[number];

/**
 * Who acts: the token's subject and roles; `applicantId` is the applicant unit the user acts for
 * (from the user's record, passed in by the application layer), null for officials.
 */
export interface SgActor {
  userId: string;
  roles: readonly string[];
  applicantId?: string | null;
}

export const hasRole = (actor: SgActor, ...roles: readonly SgRole[]): boolean => roles.some((r) => actor.roles.includes(r));

/** 403 naming `rule` unless the actor holds one of `roles`. */
export function requireRole(actor: SgActor, rule: string, roles: readonly SgRole[], what: string): void {
  if (!hasRole(actor, ...roles)) throw new DomainError(rule, `${what} needs the role ${roles.join(' or ')}`, 'forbidden');
}

/** 403 naming `rule` unless the actor is the applicant unit itself. */
export function requireOwnApplicant(actor: SgActor, applicantId: string, rule: string, what: string): void {
  requireRole(actor, rule, ['applicant'], what);
  if (actor.applicantId !== applicantId) throw new DomainError(rule, `${actor.userId} does not act for applicant ${applicantId}: an applicant acts on its own applications only`, 'forbidden');
}
