import type { Employee, SalaryVersion } from '@ebp/hr-attendance-domain';
import { ApiDate, ApiEnum, ApiInt, ApiNestedList, ApiText } from '@ebp/shared-nest';

export class HrSalaryVersionSchema implements SalaryVersion {
  @ApiDate() effectiveFrom!: string;
  @ApiInt({ minimum: 1, description: 'Monthly base salary in fen (personal data)' }) baseSalaryFen!: number;
  @ApiText({ nullable: true, description: 'The EmployeeHired / BaseSalaryChanged event that set it' }) eventId!: string | null;
}

/** HR-1: the employment record with its salary versions (the person, their manager, hr-manager). */
export class HrEmployeeSchema implements Employee {
  @ApiEnum(['employed']) status!: 'employed';
  @ApiText({ example: 'cs-li' }) staffId!: string;
  @ApiText() name!: string;
  @ApiText() position!: string;
  @ApiText() department!: string;
  @ApiText({ nullable: true, description: 'Staff id of the line manager' }) managerId!: string | null;
  @ApiDate() hireDate!: string;
  @ApiDate({ description: 'HR-1: last day of probation' }) probationEnds!: string;
  @ApiDate({ nullable: true, description: 'Last day of employment once recorded' }) leavingDate!: string | null;
  @ApiText({ nullable: true }) leavingReason!: string | null;
  @ApiNestedList(HrSalaryVersionSchema, { description: 'Ascending by effectiveFrom; the first starts on the hire date' }) salary!: HrSalaryVersionSchema[];
}
