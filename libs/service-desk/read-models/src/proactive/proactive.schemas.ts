import { ApiProperty } from '@nestjs/swagger';
import {
  FINDING_SEVERITIES,
  MAX_SCORE,
  MIN_SCORE,
  SURVEY_DIMENSIONS,
  SURVEY_METHODS,
  VISIT_FEEDBACK_KINDS,
  type FindingSeverity,
  type SurveyDimension,
  type SurveyMethod,
  type SurveyScores,
  type VisitFeedbackKind,
} from '@ebp/service-desk-domain';
import {
  ApiDate,
  ApiEnum,
  ApiEnumList,
  ApiInstant,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiNumber,
  ApiText,
  membersOf,
} from '@ebp/shared-nest';
import type {
  InspectionFindingView,
  InspectionView,
  ResearchVisitView,
  SatisfactionSurveyView,
  VisitFeedbackView,
} from './proactive.projections';
import type { DimensionStats, InspectionStatus, ProjectInspectionsView, SatisfactionStatsView } from './proactive.queries';

const INSPECTION_STATUSES = membersOf<InspectionStatus>({ 'never-inspected': true, current: true, overdue: true });
const SCORES = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => String(MIN_SCORE + i));
const SCORE = { minimum: MIN_SCORE, maximum: MAX_SCORE };

export class InspectionFindingSchema implements InspectionFindingView {
  @ApiText() description!: string;
  @ApiEnum(FINDING_SEVERITIES) severity!: FindingSeverity;
  @ApiText({ description: 'SD-16: the ticket the finding opened' }) ticketId!: string;
}

export class InspectionSchema implements InspectionView {
  @ApiText() inspectionId!: string;
  @ApiText() projectId!: string;
  @ApiText() customerId!: string;
  @ApiText() inspectorId!: string;
  @ApiInstant() inspectedAt!: string;
  @ApiDate({ description: 'Asia/Shanghai date of inspectedAt' }) inspectedDate!: string;
  @ApiInstant() recordedAt!: string;
  @ApiNestedList(InspectionFindingSchema) findings!: InspectionFindingSchema[];
}

/** SD-16: a project's inspections, newest first, and when the next one is due. */
export class ProjectInspectionsSchema implements ProjectInspectionsView {
  @ApiText() projectId!: string;
  @ApiNestedList(InspectionSchema) inspections!: InspectionSchema[];
  @ApiDate({ nullable: true }) lastInspectionDate!: string | null;
  @ApiDate({ nullable: true, description: 'One policy interval after the last inspection; null before the first' }) nextDueDate!: string | null;
  @ApiEnum(INSPECTION_STATUSES) status!: InspectionStatus;
}

export class InspectedProjectsSchema {
  @ApiNestedList(ProjectInspectionsSchema, { description: 'Every inspected project, most overdue first' }) items!: ProjectInspectionsSchema[];
}

export class DimensionStatsSchema implements DimensionStats {
  @ApiInt({ minimum: 0 }) count!: number;
  @ApiNumber({ nullable: true, description: 'Rounded to two decimals; null when nothing was surveyed' }) mean!: number | null;
  @ApiInt({ nullable: true, ...SCORE }) min!: number | null;
  @ApiInt({ nullable: true, ...SCORE }) max!: number | null;
  @ApiProperty({
    type: 'object',
    description: 'How many surveys gave each score',
    properties: Object.fromEntries(SCORES.map((s) => [s, { type: 'integer', minimum: 0 }])),
    required: SCORES,
  })
  distribution!: Record<string, number>;
}

export class DimensionStatsByDimensionSchema implements Record<SurveyDimension, DimensionStatsSchema> {
  @ApiNested(DimensionStatsSchema) installation!: DimensionStatsSchema;
  @ApiNested(DimensionStatsSchema) 'system-operation'!: DimensionStatsSchema;
  @ApiNested(DimensionStatsSchema) implementation!: DimensionStatsSchema;
  @ApiNested(DimensionStatsSchema) 'after-sales-service'!: DimensionStatsSchema;
  @ApiNested(DimensionStatsSchema) training!: DimensionStatsSchema;
}

export class SatisfactionStatsSchema implements SatisfactionStatsView {
  @ApiDate() from!: string;
  @ApiDate() to!: string;
  @ApiInt({ minimum: 0 }) surveys!: number;
  @ApiInt({ minimum: 0, description: 'Surveys that opened a follow-up ticket' }) followUps!: number;
  @ApiNested(DimensionStatsByDimensionSchema) dimensions!: DimensionStatsByDimensionSchema;
}

export class SurveyScoresSchema implements SurveyScores {
  @ApiInt(SCORE) installation!: number;
  @ApiInt(SCORE) 'system-operation'!: number;
  @ApiInt(SCORE) implementation!: number;
  @ApiInt(SCORE) 'after-sales-service'!: number;
  @ApiInt(SCORE) training!: number;
}

export class SatisfactionSurveySchema implements SatisfactionSurveyView {
  @ApiText() surveyId!: string;
  @ApiText() customerId!: string;
  @ApiText({ nullable: true }) projectId!: string | null;
  @ApiEnum(SURVEY_METHODS) method!: SurveyMethod;
  @ApiInstant() surveyedAt!: string;
  @ApiDate({ description: 'Asia/Shanghai date of surveyedAt; statistics periods select on it' }) surveyedDate!: string;
  @ApiNested(SurveyScoresSchema) scores!: SurveyScoresSchema;
  @ApiText({ nullable: true }) comment!: string | null;
  @ApiText() surveyedBy!: string;
  @ApiEnumList(SURVEY_DIMENSIONS, { description: 'SD-16: dimensions at or below the follow-up threshold in force on the survey date' })
  lowDimensions!: SurveyDimension[];
  @ApiText({ nullable: true }) followUpTicketId!: string | null;
}

export class VisitFeedbackSchema implements VisitFeedbackView {
  @ApiText() feedbackId!: string;
  @ApiEnum(VISIT_FEEDBACK_KINDS) kind!: VisitFeedbackKind;
  @ApiText() text!: string;
  @ApiText() recordedBy!: string;
  @ApiInstant() recordedAt!: string;
  @ApiText({ nullable: true, description: 'SD-16: the complaint ticket; null for opinions and suggestions' }) ticketId!: string | null;
}

export class ResearchVisitSchema implements ResearchVisitView {
  @ApiText() visitId!: string;
  @ApiText() customerId!: string;
  @ApiInstant() visitedAt!: string;
  @ApiText({ description: 'The senior manager leading the visit' }) leaderId!: string;
  @ApiEnum(['open', 'closed']) status!: 'open' | 'closed';
  @ApiNestedList(VisitFeedbackSchema) feedback!: VisitFeedbackSchema[];
  @ApiInt({ minimum: 0 }) complaints!: number;
  @ApiText({ nullable: true }) summary!: string | null;
  @ApiText({ nullable: true }) solutionPlan!: string | null;
  @ApiText({ nullable: true }) closedBy!: string | null;
  @ApiInstant({ nullable: true }) closedAt!: string | null;
}
