import { Inject, Injectable } from '@nestjs/common';
import { DomainError, loadState, type Actor, type EventStore } from '@ebp/shared-eventsourcing';
import { EVENT_STORE, type Clock } from '@ebp/shared-nest';
import { employeeDecider, employeeStream, type Employee, type HrActor } from '@ebp/hr-attendance-domain';

export const HR_MANAGER_ROLE = 'hr-manager';

export const isHrManager = (actor: Actor): boolean => actor.roles.includes(HR_MANAGER_ROLE);

/** The caller as the staff-month decider sees them. */
export const hrActorOf = (actor: Actor): HrActor => ({ userId: actor.userId, hrManager: isHrManager(actor) });

/** A clock stopped at one instant: a command whose stream depends on `now` (the month) decides with the same `now`. */
export const clockAt = (now: string): Clock => ({ now: () => now });

/** HR-1: employment records, read fresh from the event store (the command side never trusts a lagging view). */
@Injectable()
export class HrEmployees {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(staffId: string): Promise<Employee | null> {
    const { state } = await loadState(this.store, employeeDecider, employeeStream(staffId));
    return state.status === 'none' ? null : state;
  }

  /** The staff member a command is about: 404 naming `rule` without a record. */
  async require(staffId: string, rule: string, field = 'staffId'): Promise<Employee> {
    const employee = await this.find(staffId);
    if (!employee) throw new DomainError(rule, `staff member ${staffId} has no employment record`, 'not-found', field);
    return employee;
  }

  /** The caller on a self-service endpoint: 403 (HR-1) when their token's id has no employment record. */
  async caller(actor: Actor): Promise<Employee> {
    const employee = await this.find(actor.userId);
    if (!employee) throw new DomainError('HR-1', `caller ${actor.userId} has no HR employment record: self-service is for staff members`, 'forbidden');
    return employee;
  }
}
