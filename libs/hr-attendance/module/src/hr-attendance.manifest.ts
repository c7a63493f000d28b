import type { BoundedContext } from '@ebp/shared-nest';
import { HR_CONTEXT, hrAttendanceIntegrationReactors, hrAttendanceReactors } from '@ebp/hr-attendance-domain';
import { toPublishedHrEvent } from '@ebp/hr-attendance-contracts';
import { HrAttendanceQueryModule, hrAttendanceProjections } from '@ebp/hr-attendance-read-models';
import { HrAttendanceApiModule } from '@ebp/hr-attendance-api';
import { seedHrAttendanceDemo } from './demo/hr-attendance.demo';

/** HR / attendance as every host sees it (rules: docs/rules/hr-attendance.md). */
export const hrAttendance: BoundedContext = {
  name: HR_CONTEXT,
  title: 'HR / attendance',
  commands: HrAttendanceApiModule,
  queries: HrAttendanceQueryModule,
  projections: hrAttendanceProjections,
  reactors: hrAttendanceReactors,
  integration: toPublishedHrEvent,
  consumes: hrAttendanceIntegrationReactors,
  // Salaries, attendance and fines are personal data: the audit trail shows their payloads to HR only.
  auditReaders: ['hr-manager'],
  asyncapi: ['docs/asyncapi/hr-attendance.yaml'],
  demo: seedHrAttendanceDemo,
};
