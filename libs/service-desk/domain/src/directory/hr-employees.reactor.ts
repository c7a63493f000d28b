import type { IntegrationEvent, IntegrationReactor, ReactionContext } from '@ebp/shared-eventsourcing';
import type { EmployeeHiredV1 } from '@ebp/hr-attendance-contracts';
import { staffStream } from './directory.streams';
import { staffDecider } from './staff.decider';

const isEmployeeHired = (e: IntegrationEvent): e is EmployeeHiredV1 => e.type === 'hr-attendance.employee-hired.v1';

/**
 * HR owns the employment record and is upstream of the staff directory: a hire published as
 * hr-attendance.employee-hired.v1 registers the person here under the same staff id (no service-desk
 * roles; the office grants those). Someone the office registered first is left as they are (conflict = done).
 */
export const hrEmployeeDirectoryReactor: IntegrationReactor = {
  name: 'service-desk-directory-from-hr-hires',
  from: ['hr-attendance'],
  async react(event: IntegrationEvent, context: ReactionContext): Promise<void> {
    if (!isEmployeeHired(event)) return;
    const d = event.data;
    await context.execute(staffDecider, staffStream(d.staffId), (now) => ({
      type: 'RegisterStaffMember' as const,
      data: { staffId: d.staffId, name: d.name, department: d.department, roles: [], isDepartmentManager: false },
      metadata: { now },
    }));
  },
};
