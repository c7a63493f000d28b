import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { AGENCY_ROLES, type AgencyMember } from '@ebp/property-sales-domain';
import { EntityId, OneOf, OptionalText, Text } from '@ebp/shared-nest';
import { PS_CODE, PS_STAFF_ID } from './sales-staff';

export class RegisterSalesProjectDto {
  @EntityId({ description: 'The project code (part of every unit id)', example: 'lakeside' }, PS_CODE) projectId!: string;
  @Text(200, { description: 'The development', example: '湖畔花园' }) name!: string;
  @EntityId({ description: "The developer's site manager (staff id)", example: 'sm-zhou' }, PS_STAFF_ID) siteManagerId!: string;
  @EntityId({ description: "The developer's site supervisor (staff id): receives the day's records (PS-10) and seals contracts (PS-7)", example: 'ss-qian' }, PS_STAFF_ID)
  siteSupervisorId!: string;
}

export class AddBuildingDto {
  @EntityId({ description: 'The building code (part of every unit id)', example: 'b1' }, PS_CODE) buildingId!: string;
  @Text(200, { description: 'Building name', example: '1号楼' }) name!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200, example: 18, description: 'Floors above ground: units are listed on floors 1…floors' })
  @IsInt()
  @Min(1)
  @Max(200)
  floors!: number;
}

export class RegisterAgencyDto {
  @EntityId({ description: 'The agency code', example: 'sunrise' }, PS_CODE) agencyId!: string;
  @Text(200, { description: 'Agency name', example: '日出地产' }) name!: string;
  @EntityId({ description: "The agency's supervisor (staff id): a member of the agency from registration", example: 'as-li' }, PS_STAFF_ID) supervisorId!: string;
  @OptionalText(200, { description: "The supervisor's name", example: '李娜' }) supervisorName?: string | null;
}

export class AddAgencyMemberDto {
  @EntityId({ description: "The member's staff id (their token `sub`)", example: 'sp-wang' }, PS_STAFF_ID) staffId!: string;
  @Text(200, { description: 'Full name', example: '王芳' }) name!: string;
  @OneOf(AGENCY_ROLES, { description: 'Their role in the agency' }) role!: AgencyMember['role'];
}
