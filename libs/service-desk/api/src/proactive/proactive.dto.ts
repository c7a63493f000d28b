import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  FINDING_SEVERITIES,
  MAX_SCORE,
  MIN_SCORE,
  SURVEY_METHODS,
  VISIT_FEEDBACK_KINDS,
  type FindingSeverity,
  type SurveyMethod,
  type VisitFeedbackKind,
} from '@ebp/service-desk-domain';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ID_MESSAGE = '$property must be 1-64 letters, digits, _ . : or -';

export class InspectionFindingDto {
  @ApiProperty({ description: 'What the inspection found' })
  @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) @IsIn(FINDING_SEVERITIES) severity!: FindingSeverity;
}

export class RecordInspectionDto {
  @ApiProperty({ description: 'A registered project' }) @Matches(ID, { message: ID_MESSAGE }) projectId!: string;
  @ApiProperty({ example: '2026-03-02T09:00:00+08:00' }) @IsISO8601({ strict: true }) inspectedAt!: string;
  @ApiProperty({ type: [InspectionFindingDto], description: 'Each finding becomes an on-site service-request ticket' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => InspectionFindingDto) findings!: InspectionFindingDto[];
}

export class SurveyScoresDto {
  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) installation!: number;
  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) 'system-operation'!: number;
  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) implementation!: number;
  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) 'after-sales-service'!: number;
  @ApiProperty({ minimum: MIN_SCORE, maximum: MAX_SCORE }) @IsInt() @Min(MIN_SCORE) @Max(MAX_SCORE) training!: number;
}

export class RecordSatisfactionSurveyDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiPropertyOptional({ description: "One of the customer's projects" }) @IsOptional() @Matches(ID, { message: ID_MESSAGE }) projectId?: string;
  @ApiProperty({ enum: SURVEY_METHODS }) @IsIn(SURVEY_METHODS) method!: SurveyMethod;
  @ApiProperty({ example: '2026-03-02T09:00:00+08:00' }) @IsISO8601({ strict: true }) surveyedAt!: string;
  @ApiProperty({ type: SurveyScoresDto, description: 'Scores 1–5; any at or below the policy threshold opens a follow-up ticket' })
  @ValidateNested() @Type(() => SurveyScoresDto) scores!: SurveyScoresDto;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class OpenResearchVisitDto {
  @ApiProperty() @Matches(ID, { message: ID_MESSAGE }) customerId!: string;
  @ApiProperty({ example: '2026-03-02T09:00:00+08:00' }) @IsISO8601({ strict: true }) visitedAt!: string;
}

export class RecordVisitFeedbackDto {
  @ApiProperty({ enum: VISIT_FEEDBACK_KINDS, description: 'A complaint becomes a complaint ticket' })
  @IsIn(VISIT_FEEDBACK_KINDS) kind!: VisitFeedbackKind;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(4000) text!: string;
}

export class CloseResearchVisitDto {
  /** Not-empty is checked by the domain so the refusal names SD-16. */
  @ApiProperty() @IsString() @MaxLength(8000) summary!: string;
  @ApiProperty() @IsString() @MaxLength(8000) solutionPlan!: string;
}
