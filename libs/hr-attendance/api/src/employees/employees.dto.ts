import { CalendarDate, EntityId, Fen, OptionalEntityId, OptionalText, Text } from '@ebp/shared-nest';
import { STAFF_ID } from '../shared/ids';

export class EmployeeDetailsDto {
  @Text(200, { description: 'Full name', example: '李明' }) name!: string;
  @Text(200, { description: 'Position (job title)', example: 'Customer service agent' }) position!: string;
  @Text(200, { description: 'Department', example: 'customer-service' }) department!: string;
  @OptionalEntityId(
    { nullable: true, description: 'Staff id of the line manager (approves leave and corrections, enters commission and bonus); omitted or null = none, HR decides' },
    STAFF_ID,
  )
  managerId?: string | null;
}

export class HireEmployeeDto extends EmployeeDetailsDto {
  @EntityId({ description: "The staff member's id: their login (token `sub`)" }, STAFF_ID) staffId!: string;
  @Fen(1, { description: 'HR-1 monthly base salary in fen (600000 = ¥6,000.00)' }) baseSalaryFen!: number;
  @CalendarDate({ description: 'HR-1 first day of employment; probation is the 3 months from it' }) hireDate!: string;
}

/** PUT replaces name, position, department and manager: an omitted managerId removes the manager. */
export class ChangeEmployeeDetailsDto extends EmployeeDetailsDto {}

export class ChangeBaseSalaryDto {
  @Fen(1, { description: 'HR-1 the new monthly base salary in fen' }) baseSalaryFen!: number;
  @CalendarDate({ description: 'HR-6 first day the new base applies: the current month at the earliest (a closed payslip is never edited)' })
  effectiveFrom!: string;
  @Text(1000, { description: 'Why the base changes' }) reason!: string;
}

export class RecordLeavingDto {
  @CalendarDate({ description: 'HR-1 last day of employment (this month or later)', example: '2026-06-30' }) leavingDate!: string;
  @OptionalText(1000, { description: 'Why the staff member leaves' }) reason?: string | null;
}

