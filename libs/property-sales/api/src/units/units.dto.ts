import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CODE_PATTERN, MAX_AREA_CENTI_SQM, MAX_FLOORS, MAX_PRICE_FEN, PAYMENT_METHODS, UNIT_TYPES, type PaymentMethod, type UnitType } from '@ebp/property-sales-domain';
import { CalendarDate, EntityId, OneOf, OptionalText, Text, type IdRule } from '@ebp/shared-nest';
import { MAX_UNIT_IMPORT_ROWS, UNIT_IMPORT_COLUMNS } from './unit-import';

/** Project, building and unit numbers: CODE_PATTERN (no dots: they separate a unit id's parts). */
export const UNIT_CODE: IdRule = { pattern: CODE_PATTERN, maxLength: 32, message: '$property must be 1-32 letters, digits, _ or - (no dots)', example: '1203' };

const Whole = (min: number, max: number, doc: { description?: string; example?: unknown } = {}) =>
  applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: max, ...doc }), IsInt(), Min(min), Max(max));

const TextList = (maxItems: number, maxLength: number, doc: { description?: string; example?: unknown } = {}) =>
  applyDecorators(
    ApiProperty({ type: 'array', items: { type: 'string', minLength: 1, maxLength }, maxItems, ...doc }),
    IsArray(),
    ArrayMaxSize(maxItems),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(maxLength, { each: true }),
  );

export class ListUnitDto {
  @EntityId({ description: 'The unit number within the building (unit id = <projectId>.<buildingId>.<number>)' }, UNIT_CODE) number!: string;
  @Whole(1, MAX_FLOORS, { description: "The floor (1 to the building's floors)", example: 12 }) floor!: number;
  @OneOf(UNIT_TYPES, { example: 'apartment' }) type!: UnitType;
  @Whole(1, MAX_AREA_CENTI_SQM, { description: 'Area in hundredths of a square metre (12345 = 123.45 m²)', example: 12345 }) areaCentiSqm!: number;
  @Whole(1, MAX_PRICE_FEN, { description: 'The list price in fen, approved by the caller', example: 300000000 }) listPriceFen!: number;
}

export class ChangePriceDto {
  @Whole(1, MAX_PRICE_FEN, { description: 'The new list price in fen, approved by the caller', example: 310000000 }) listPriceFen!: number;
  @Text(500, { example: 'phase 2 pricing' }) reason!: string;
}

export class HoldUnitDto {
  @Text(500, { example: 'kept as the show flat' }) reason!: string;
}

export class ReserveUnitDto {
  @EntityId({ description: 'A registered customer (PS-2) of the caller’s agency', example: 'c-3f2a9b1c4d5e6f70' }) customerId!: string;
}

export class DiscountDto {
  @Text(200, { example: 'opening offer' }) reason!: string;
  @Whole(1, MAX_PRICE_FEN, { description: 'Fen off the list price', example: 3000000 }) amountFen!: number;
}

export class RecordPriceSheetDto {
  @EntityId({ description: 'A registered customer (PS-2) of the caller’s agency', example: 'c-3f2a9b1c4d5e6f70' }) customerId!: string;
  @ApiProperty({ type: [DiscountDto], maxItems: 20, description: 'Above the policy share of the list price (300 bp) the agency supervisor must approve the sheet' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DiscountDto)
  discounts!: DiscountDto[];
  @OneOf(PAYMENT_METHODS, { example: 'commercial-mortgage' }) paymentMethod!: PaymentMethod;
}

export class SalesDecisionDto {
  @OptionalText(1000, { description: 'Required to reject' }) reason?: string;
}

export class SubscribeDto {
  @EntityId({ description: 'A price sheet of this unit (approved when its discount needs approval)', example: 'ps-9f86d081884c' }) priceSheetId!: string;
}

export class DepositDto {
  @Whole(1, MAX_PRICE_FEN, { description: 'The deposit received, in fen', example: 5000000 }) depositFen!: number;
  @Text(100, { example: 'R-2026-0001' }) receiptNo!: string;
}

export class SignSubscriptionDto {
  @TextList(20, 200, { description: 'The other agreements signed with the subscription', example: ['parking-space agreement'] }) agreements!: string[];
}

export class ErpExportDto {
  @Text(100, { description: 'The ERP’s (明源) reference for the subscription', example: 'MY-2026-000123' }) erpReference!: string;
}

export class CancelSubscriptionDto {
  @Text(1000, { example: 'customer withdrew' }) reason!: string;
}

export class FollowUpDto {
  @CalendarDate({ description: 'Target contract signing date (Asia/Shanghai)' }) targetSigningDate!: string;
  @TextList(30, 200, { description: 'The mortgage documents to collect', example: ['ID card', 'income proof', 'bank statement'] }) mortgageDocuments!: string[];
}

export class MortgageDocumentDto {
  @Text(200, { description: 'One document of the follow-up’s checklist', example: 'income proof' }) document!: string;
}

export class SigningStepDto {
  @ApiPropertyOptional({ type: String, maxLength: 1000, nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string | null;
}

export class SigningErrorDto {
  @Text(2000, { example: 'area on page 2 is 123.54 m², not 123.45 m²' }) description!: string;
  @EntityId({ description: 'The salesperson fined (PS-8)', example: 'sp-li' }) responsibleSalespersonId!: string;
}


export const UNIT_IMPORT_DESCRIPTION =
  `PS-1 import a building's units (Content-Type: text/csv, UTF-8, at most 2 MiB and ${MAX_UNIT_IMPORT_ROWS} data rows). ` +
  `The first non-blank row is the header ${UNIT_IMPORT_COLUMNS.join(',')} (any order, case-insensitive; other columns are ignored); ` +
  "then one row per unit: number (letters, digits, _ or -), floor (1 to the building's floors), type apartment or villa, " +
  'areaCentiSqm (hundredths of a square metre) and listPriceFen (fen), each a whole number; the caller approves the prices. ' +
  'Each row lists one unit: a bad row applies nothing and is reported with its row number, good rows apply. A unit already listed ' +
  'with the same floor, type, area and price is unchanged (so importing the same file again applies nothing); differently, its row is an error. ' +
  'A file that cannot be read (no header, a missing column, an unclosed quote, too many rows) is refused with 400, an unknown building with 404; nothing is applied.';

export class UnitImportErrorSchema {
  @ApiProperty({ type: 'integer', minimum: 2, example: 3, description: "The row's number in the file: the header is row 1, blank rows are counted" })
  row!: number;
  @ApiProperty({ type: String, nullable: true, example: '1203', description: "The row's number cell (null when empty)" })
  number!: string | null;
  @ApiProperty({ enum: [...UNIT_IMPORT_COLUMNS, 'row'], example: 'floor', description: 'The column at fault, or `row` for the row as a whole' })
  field!: string;
  @ApiProperty({ example: 'PS-1' })
  rule!: string;
  @ApiProperty({ example: "floor '0' must be a whole number from 1" })
  message!: string;
}

export class UnitImportResultSchema {
  @ApiProperty({ type: 'integer', minimum: 0, example: 120, description: 'Data rows read (blank rows and the header not counted)' }) rows!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 117, description: 'Units listed' }) applied!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'Units already listed identically, nothing appended' }) unchanged!: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 2, description: 'Rows refused; each has at least one entry in errors' }) failed!: number;
  @ApiProperty({ type: [UnitImportErrorSchema], description: 'Every problem of every refused row, by row number' }) errors!: UnitImportErrorSchema[];
  @ApiProperty({ type: 'integer', minimum: 0, example: 5120, description: 'Highest event-store position appended (also X-Position); 0 = nothing appended' }) position!: number;
}
