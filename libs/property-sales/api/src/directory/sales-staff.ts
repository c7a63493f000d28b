import { Inject, Injectable } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { DomainError, loadState, type Actor, type EventStore } from '@ebp/shared-eventsourcing';
import { isCalendarDate } from '@ebp/shared-kernel';
import { EVENT_STORE, type IdRule } from '@ebp/shared-nest';
import { agencyDecider, agencyMemberOf, agencyStream, CODE_PATTERN, projectDecider, projectStream, requireCode, type AgencyActor, type Project } from '@ebp/property-sales-domain';

/** A staff id: the token `sub` of the person (DTO fields: `@EntityId(doc, PS_STAFF_ID)`). */
export const PS_STAFF_ID: IdRule = {
  pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
  maxLength: 64,
  message: '$property must be 1-64 letters, digits, _ or -, starting with a letter or digit',
  example: 'sp-wang',
};
/** Project, building and agency codes (no dots: they separate a unit id's parts). */
export const PS_CODE: IdRule = { pattern: CODE_PATTERN, maxLength: 32, message: "$property must be 1-32 letters, digits, '_' or '-', starting with a letter or digit", example: 'lakeside' };

export const CodeParam = (name: string, description: string, example: string) => ApiParam({ name, description, schema: { type: 'string', pattern: CODE_PATTERN.source, example } });
export const DayParam = (description: string) =>
  ApiParam({ name: 'date', description, schema: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-03-03' } });

/** A calendar date from a path: 400 naming the rule otherwise. */
export function requireDay(value: string, rule: string, field = 'date'): string {
  if (!isCalendarDate(value)) throw new DomainError(rule, `${field} must be a calendar date YYYY-MM-DD, got '${value}'`, 'invalid', field);
  return value;
}

/**
 * Who acts for an agency, read fresh from the agency stream (the command side never trusts a lagging
 * view): the body or the office day names the agency, and the caller acts for it only when they are
 * its member (AgencyMemberAdded, or its supervisor named at registration). The deciders refuse (403
 * naming the rule) when `agencyId` is null.
 */
@Injectable()
export class SalesStaff {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async actor(actor: Actor, agencyId: string | null, rule: string): Promise<AgencyActor> {
    const base = { staffId: actor.userId, roles: actor.roles };
    if (agencyId === null) return { ...base, agencyId: null, agencyRole: null };
    const { state } = await loadState(this.store, agencyDecider, agencyStream(requireCode(agencyId, 'agencyId', rule)));
    const member = agencyMemberOf(state, actor.userId);
    return { ...base, agencyId: member ? agencyId : null, agencyRole: member?.role ?? null };
  }

  async agencyRegistered(agencyId: string, rule: string): Promise<boolean> {
    const { state } = await loadState(this.store, agencyDecider, agencyStream(requireCode(agencyId, 'agencyId', rule)));
    return state.status === 'registered';
  }

  /** The project; 404 naming the rule when it is not registered. */
  async project(projectId: string, rule: string): Promise<Project> {
    const { state } = await loadState(this.store, projectDecider, projectStream(requireCode(projectId, 'projectId', rule)));
    if (state.status === 'none') throw new DomainError(rule, `project ${projectId} is not registered`, 'not-found', 'projectId');
    return state;
  }
}
