import { MONITORING_OUTCOMES, type MonitoringOutcome } from '@ebp/service-desk-domain';
import { CalendarDate, EntityId, OneOf, OptionalText, Text } from '@ebp/shared-nest';

export class SubmitWeeklyReportDto {
  @Text(8000, { description: 'Service situation of the week' }) serviceSituation!: string;
  @Text(8000, { description: 'Customer feedback received during the week' }) customerFeedback!: string;
}

export class AssignHolidayDutyDto {
  @CalendarDate({ description: 'A statutory holiday day (Asia/Shanghai)', example: '2026-02-17' }) date!: string;
  @EntityId({ description: 'A customer-service staff member' }) staffId!: string;
}

export class LogMonitoringCheckDto {
  @CalendarDate({ description: 'The holiday day the caller is on duty for', example: '2026-02-17' }) date!: string;
  @EntityId({ description: 'A registered customer' }) customerId!: string;
  @Text(500, { description: "The customer's site or website checked" }) target!: string;
  @OneOf(MONITORING_OUTCOMES) outcome!: MonitoringOutcome;
  @OptionalText(4000, { description: 'What is wrong; required when a problem was found' }) description?: string;
}
