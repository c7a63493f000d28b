import { DomainError } from '@ebp/shared-eventsourcing';
import { CalendarUnknownError } from '@ebp/shared-kernel';

/**
 * Runs a look-up on the official calendar; a date the pinned calendar does not cover becomes a
 * 422 refusal naming the rule and field, instead of a weekday guess or a 500.
 */
export function onOfficialCalendar<T>(rule: string, field: string, lookUp: () => T): T {
  try {
    return lookUp();
  } catch (error) {
    if (error instanceof CalendarUnknownError) throw new DomainError(rule, `${field}: ${error.message}`, 'rule', field);
    throw error;
  }
}
