import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PREMISES_AREAS, type PremisesArea } from '@ebp/property-sales-domain';
import { EntityId, OneOf, OptionalEntityId, Text } from '@ebp/shared-nest';
import { PS_CODE, PS_STAFF_ID } from '../directory/sales-staff';

const TextList = (description: string, example: string[]) => (target: object, key: string) => {
  ApiProperty({ type: [String], maxItems: 100, description, example })(target, key);
  IsArray()(target, key);
  ArrayMaxSize(100)(target, key);
  IsString({ each: true })(target, key);
  IsNotEmpty({ each: true })(target, key);
  MaxLength(1000, { each: true })(target, key);
};

export class AssignDutyAgencyDto {
  @EntityId({ description: 'PS-10 the registered agency on duty (总值) that day', example: 'sunrise' }, PS_CODE) agencyId!: string;
}

export class CheckInDto {
  @EntityId({ description: "The caller's agency: they must be its member (else 403 naming PS-10)", example: 'sunrise' }, PS_CODE) agencyId!: string;
}

export class HandOverDutyDto {
  @OptionalEntityId({ nullable: true, description: "The previous day's duty agency; omitted or null = none (the first day)", example: 'moonlight' }, PS_CODE)
  fromAgencyId?: string | null;
  @ApiProperty({ type: Boolean, description: 'The duty book (值班本) was handed over' }) @IsBoolean() dutyBook!: boolean;
  @ApiProperty({ type: Boolean, description: 'The master sales control (总销控) was handed over' }) @IsBoolean() masterSalesControl!: boolean;
  @TextList('Other items handed over', ['keys of the model unit', 'brochures'])
  items!: string[];
}

export class InspectPremisesDto {
  @OneOf(PREMISES_AREAS, { description: 'PS-10 the area inspected' }) area!: PremisesArea;
  @Text(4000, { description: 'What the inspection found ("in order" when nothing)', example: 'in order' }) findings!: string;
}

export class SubmitDayRecordsDto {
  @EntityId({ description: "The developer's site supervisor of the project (staff id)", example: 'ss-qian' }, PS_STAFF_ID) to!: string;
}

export class ReconcileSalesControlDto {
  @EntityId({ description: "The developer's site supervisor of the project (staff id)", example: 'ss-qian' }, PS_STAFF_ID) with!: string;
  @TextList('Differences found between the sales control and the developer\'s (empty: none)', [])
  discrepancies!: string[];
}
