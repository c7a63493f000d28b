import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Matches, ValidateNested } from 'class-validator';
import { EntityId } from '@ebp/shared-nest';
import { PS_CODE } from '../directory/sales-staff';

const CUSTOMER_ID = /^c-[0-9a-f]{16}$/;
const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}\.[A-Za-z0-9][A-Za-z0-9_-]{0,31}\.[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SigningAppointmentDto {
  @ApiProperty({ type: String, pattern: UNIT_ID.source, example: 'lakeside.b1.1203', description: 'The unit: <projectId>.<buildingId>.<number> (of this project)' })
  @IsString()
  @Matches(UNIT_ID, { message: '$property must be a unit id <projectId>.<buildingId>.<number>' })
  unitId!: string;
  @ApiProperty({ type: String, pattern: CUSTOMER_ID.source, example: 'c-3f2a9c0d1e4b5a67', description: 'The registered customer (PS-2)' })
  @IsString()
  @Matches(CUSTOMER_ID, { message: '$property must be a customer id c-<16 hex digits>' })
  customerId!: string;
  @ApiProperty({ type: String, pattern: TIME.source, example: '10:00', description: 'HH:MM on the signing day' })
  @IsString()
  @Matches(TIME, { message: '$property must be HH:MM' })
  time!: string;
}

export class SubmitSigningListDto {
  @EntityId({ description: "The caller's agency: a supervisor of it submits its list (else 403 naming PS-6)", example: 'sunrise' }, PS_CODE) agencyId!: string;
  @ApiProperty({ type: [SigningAppointmentDto], maxItems: 500, description: "PS-6 the signing day's appointments (an empty list: no signings); a resubmission replaces the list as a new version" })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SigningAppointmentDto)
  appointments!: SigningAppointmentDto[];
}
