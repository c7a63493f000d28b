import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { ROLES } from '@ebp/shared-auth';
import { EntityId, OptionalEntityId, OptionalFlag, OptionalText, Text } from '@ebp/shared-nest';

export class RegisterStaffDto {
  @EntityId({ description: 'Staff id; also the user id in their token' }) staffId!: string;
  @Text(100) name!: string;
  @Text(100) department!: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, maxItems: ROLES.length })
  @IsOptional() @IsArray() @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true }) roles?: string[];
  @OptionalFlag({ description: 'Responsible manager of the department (SD-3 transfer target)' }) isDepartmentManager?: boolean;
}

export class UpdateStaffDto {
  @Text(100) name!: string;
  @Text(100) department!: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, maxItems: ROLES.length })
  @IsOptional() @IsArray() @ArrayMaxSize(ROLES.length) @IsIn(ROLES, { each: true }) roles?: string[];
  @OptionalFlag({ description: 'Responsible manager of the department (SD-3 transfer target)' }) isDepartmentManager?: boolean;
}

export class StaffAbsenceDto {
  @ApiProperty({ type: Boolean, description: 'true: absent (SD-3 transfers go to the alternate); false: back' }) @IsBoolean() absent!: boolean;
  @OptionalText(500) reason?: string;
}

export class CustomerContactDto {
  @OptionalText(100, { description: 'Contact person' }) person?: string;
  @OptionalText(50) phone?: string;
  @ApiPropertyOptional({ type: String, format: 'email' }) @IsOptional() @IsEmail() email?: string;
  @OptionalText(300) address?: string;
}

export class CustomerSiteDto {
  @EntityId() siteId!: string;
  @Text(200) name!: string;
  @OptionalText(300) address?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'Agreed on-site response time in minutes (SD-8 deadline)' })
  @IsOptional() @IsInt() @Min(1) responseTimeMinutes?: number;
}

export class RegisterCustomerDto {
  @EntityId() customerId!: string;
  @Text(200) name!: string;
  @ApiPropertyOptional({ type: CustomerContactDto })
  @IsOptional() @ValidateNested() @Type(() => CustomerContactDto) contact?: CustomerContactDto;
  @ApiPropertyOptional({ type: [CustomerSiteDto], maxItems: 200 })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CustomerSiteDto) sites?: CustomerSiteDto[];
}

export class RegisterProjectDto {
  @EntityId() projectId!: string;
  @Text(200) name!: string;
  @EntityId({ description: 'The registered customer the project belongs to' }) customerId!: string;
  @OptionalEntityId({ description: "Staff member who signed the contract; notified of the project's major faults (SD-14)" }) businessSignerId?: string;
}
