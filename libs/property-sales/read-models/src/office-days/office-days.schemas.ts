import { OFFICE_DAY_STEPS, type ChecklistStatus, type OfficeDayStep } from '@ebp/property-sales-domain';
import { ApiBool, ApiDate, ApiEnum, ApiEnumList, ApiInstant, ApiInt, ApiNestedList, ApiText } from '@ebp/shared-nest';
import { ApiProperty } from '@nestjs/swagger';

const STATUSES: ChecklistStatus[] = ['done', 'late', 'missing', 'pending'];

export class PsChecklistStepSchema {
  @ApiEnum(OFFICE_DAY_STEPS) step!: OfficeDayStep;
  @ApiEnum(STATUSES, { description: 'done in time, late, missing (deadline passed as of asOf) or pending' }) status!: ChecklistStatus;
  @ApiInstant() deadline!: string;
  @ApiEnum(['by', 'before'], { description: 'by: on time at the deadline; before: late at it' }) due!: 'by' | 'before';
  @ApiInstant({ nullable: true }) at!: string | null;
  @ApiText({ nullable: true }) by!: string | null;
}

export class PsAttendanceSchema {
  @ApiText() staffId!: string;
  @ApiText() agencyId!: string;
  @ApiInstant() at!: string;
  @ApiBool({ description: 'PS-10: after 08:45 (policy)' }) late!: boolean;
}

export class PsPositionStaffSchema {
  @ApiText() staffId!: string;
  @ApiInstant() at!: string;
  @ApiBool() late!: boolean;
}

export class PsAgencyPositionSchema {
  @ApiInt({ minimum: 1, description: '1 = the first agency to arrive' }) position!: number;
  @ApiText() agencyId!: string;
  @ApiInstant() firstCheckInAt!: string;
  @ApiNestedList(PsPositionStaffSchema) staff!: PsPositionStaffSchema[];
}

/** PS-10: the office day's checklist as of an instant. */
export class PsOfficeDaySchema {
  @ApiText() projectId!: string;
  @ApiDate() date!: string;
  @ApiInstant() asOf!: string;
  @ApiText({ nullable: true }) dutyAgencyId!: string | null;
  @ApiNestedList(PsChecklistStepSchema) steps!: PsChecklistStepSchema[];
  @ApiNestedList(PsAgencyPositionSchema, { description: 'PS-10: the 09:00 positions by agency arrival' }) positions!: PsAgencyPositionSchema[];
  @ApiNestedList(PsAttendanceSchema) attendance!: PsAttendanceSchema[];
  @ApiEnumList(OFFICE_DAY_STEPS, { description: 'Steps missing or late' }) flagged!: OfficeDayStep[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Agency id → name' }) agencyNames!: Record<string, string>;
}
