import { ApiBool, ApiDate, ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiText } from '@ebp/shared-nest';

export class PsSigningAppointmentSchema {
  @ApiText() unitId!: string;
  @ApiText() customerId!: string;
  @ApiText({ example: '10:30', description: 'HH:MM on the signing day' }) time!: string;
}

export class PsSigningListVersionSchema {
  @ApiInt({ minimum: 1 }) version!: number;
  @ApiNestedList(PsSigningAppointmentSchema) appointments!: PsSigningAppointmentSchema[];
  @ApiText() submittedBy!: string;
  @ApiInstant() submittedAt!: string;
  @ApiInstant({ description: '17:00 (policy) the day before' }) dueAt!: string;
  @ApiBool({ description: 'PS-6: submitted after dueAt' }) late!: boolean;
}

export class PsSigningListRowSchema {
  @ApiText() projectId!: string;
  @ApiText() agencyId!: string;
  @ApiDate({ description: 'The signing day' }) date!: string;
  @ApiNested(PsSigningListVersionSchema) current!: PsSigningListVersionSchema;
  @ApiNestedList(PsSigningListVersionSchema, { description: 'Every version as of asOf, oldest first' }) versions!: PsSigningListVersionSchema[];
  @ApiBool({ description: 'PS-6: the current version was late' }) late!: boolean;
  @ApiBool({ description: 'PS-6: the first version was late' }) submittedLate!: boolean;
}

export class PsSigningListsSchema {
  @ApiText() projectId!: string;
  @ApiDate() date!: string;
  @ApiInstant() dueAt!: string;
  @ApiInstant() asOf!: string;
  @ApiBool() anyLate!: boolean;
  @ApiNestedList(PsSigningListRowSchema, { description: 'By agency' }) items!: PsSigningListRowSchema[];
}
