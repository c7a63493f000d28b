import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMPLAINT_SEVERITIES, TICKET_CHANNELS, TICKET_KINDS, type ComplaintSeverity, type TicketChannel, type TicketKind } from '@ebp/service-desk-domain';
import { ROLES } from '@ebp/shared-auth';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';

export class RegisterTicketDto {
  @ApiProperty({ enum: TICKET_CHANNELS }) @IsIn(TICKET_CHANNELS) channel!: TicketChannel;
  @ApiProperty({ enum: TICKET_KINDS }) @IsIn(TICKET_KINDS) kind!: TicketKind;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: ID_MESSAGE }) projectId?: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @ApiPropertyOptional({ description: 'When the customer made contact (ISO 8601 with offset); defaults to now' })
  @IsOptional() @IsISO8601({ strict: true }) receivedAt?: string;
  @ApiPropertyOptional({ description: 'SD-4: escalate to the general manager at once' })
  @IsOptional() @IsBoolean() major?: boolean;
}

export class TransferTicketDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) reason!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) targetDepartment!: string;
  @ApiPropertyOptional({ description: 'Colleague in charge of the matter, used when the responsible manager is absent (SD-3)' })
  @IsOptional() @Matches(ID, { message: ID_MESSAGE }) alternateStaffId?: string;
}

export class ResolveTicketDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) resolution!: string;
  @ApiPropertyOptional({ description: 'SD-5: false when the work liaison form is still to be filed' })
  @IsOptional() @IsBoolean() liaisonFormFiled?: boolean;
  @ApiPropertyOptional({ description: 'SD-5: an emergency handled by technical service' })
  @IsOptional() @IsBoolean() emergency?: boolean;
}

export class SubmitLiaisonFormDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) formReference?: string;
}

export class RecordRepeatContactDto {
  @ApiProperty({ enum: TICKET_CHANNELS }) @IsIn(TICKET_CHANNELS) channel!: TicketChannel;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) contactedAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class UpholdComplaintDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) staffId!: string;
  @ApiProperty({ enum: COMPLAINT_SEVERITIES }) @IsIn(COMPLAINT_SEVERITIES) severity!: ComplaintSeverity;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(2000) finding!: string;
}

export class FlagMajorDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class RegisterStaffDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) staffId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) department!: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true }) roles?: string[];
  @ApiPropertyOptional({ description: "Responsible manager of the department (SD-3 transfer target)" })
  @IsOptional() @IsBoolean() isDepartmentManager?: boolean;
}

export class UpdateStaffDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(100) department!: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional() @IsArray() @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true }) roles?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isDepartmentManager?: boolean;
}

export class StaffAbsenceDto {
  @ApiProperty() @IsBoolean() absent!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class CustomerContactDto {
  @IsOptional() @IsString() @MaxLength(100) person?: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
}

export class CustomerSiteDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) siteId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsOptional() @IsString() @MaxLength(300) address?: string;
  @ApiPropertyOptional({ description: 'Agreed on-site response time (minutes)' })
  @IsOptional() @IsInt() @Min(1) responseTimeMinutes?: number;
}

export class RegisterCustomerDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ type: CustomerContactDto })
  @IsOptional() @ValidateNested() @Type(() => CustomerContactDto) contact?: CustomerContactDto;
  @ApiPropertyOptional({ type: [CustomerSiteDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CustomerSiteDto) sites?: CustomerSiteDto[];
}

export class RegisterProjectDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) projectId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiPropertyOptional() @IsOptional() @Matches(ID, { message: ID_MESSAGE }) businessSignerId?: string;
}
