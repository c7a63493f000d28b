import type { FaultAnalysisStatus, FaultEvent, FaultStatus } from '@ebp/service-desk-domain';
import {
  ApiBool,
  ApiDate,
  ApiEnum,
  ApiInstant,
  ApiInt,
  ApiNested,
  ApiNestedList,
  ApiText,
  ApiTextList,
  membersOf,
} from '@ebp/shared-nest';
import type { CollaborationView, DisputeView } from './collaboration.projection';
import type { FaultAnalysisView, FaultHistoryEntry, FaultView } from './fault.projection';
import type { FaultSummary } from './faults.queries';

export const FAULT_STATUSES = membersOf<FaultStatus>({ reported: true, acknowledged: true, escalated: true, resolved: true, analysed: true, closed: true });
export const ANALYSIS_STATUSES = membersOf<FaultAnalysisStatus>({ pending: true, overdue: true, filed: true });
export const COLLABORATION_STATUSES = membersOf<CollaborationView['status']>({ open: true, completed: true });
const FAULT_EVENT_TYPES = membersOf<FaultEvent['type']>({
  FaultReported: true,
  FaultAcknowledged: true,
  FaultEscalatedToLeadership: true,
  FaultProgressRecorded: true,
  FaultResolved: true,
  FaultAnalysisFiled: true,
  FaultClosed: true,
});

export class FaultHistoryEntrySchema implements FaultHistoryEntry {
  @ApiInt() revision!: number;
  @ApiEnum(FAULT_EVENT_TYPES) type!: FaultEvent['type'];
  @ApiInstant() at!: string;
  @ApiText() actorId!: string;
  @ApiText() summary!: string;
}

export class FaultAnalysisSchema implements FaultAnalysisView {
  @ApiText() filedBy!: string;
  @ApiInstant() filedAt!: string;
  @ApiText() impact!: string;
  @ApiText() handling!: string;
  @ApiText() rootCause!: string;
  @ApiText() correctiveMeasures!: string;
  @ApiText() preventiveMeasures!: string;
  @ApiTextList() deliveredTo!: string[];
  @ApiBool({ description: 'Filed after the SD-14 due date' }) late!: boolean;
}

export class FaultProgressSchema {
  @ApiInstant() at!: string;
  @ApiText() by!: string;
  @ApiText() note!: string;
}

/** A fault without its history, with its SD-14 analysis status judged as of a date. */
export class FaultSummarySchema implements FaultSummary {
  @ApiText() faultId!: string;
  @ApiEnum(FAULT_STATUSES) status!: FaultStatus;
  @ApiText() customerId!: string;
  @ApiText({ nullable: true }) projectId!: string | null;
  @ApiInstant() occurredAt!: string;
  @ApiText() location!: string;
  @ApiText() symptoms!: string;
  @ApiText() contingencyPlan!: string;
  @ApiText() reportedBy!: string;
  @ApiInstant() reportedAt!: string;
  @ApiText() managerInChargeId!: string;
  @ApiText({ nullable: true }) businessSignerId!: string | null;
  @ApiTextList({ description: 'Who was notified when it was reported' }) notified!: string[];
  @ApiInstant({ nullable: true }) acknowledgedAt!: string | null;
  @ApiInstant({ nullable: true }) escalatedAt!: string | null;
  @ApiText({ nullable: true }) generalManagerId!: string | null;
  @ApiNestedList(FaultProgressSchema) progress!: FaultProgressSchema[];
  @ApiInstant({ nullable: true }) resolvedAt!: string | null;
  @ApiText({ nullable: true }) resolvedBy!: string | null;
  @ApiDate({ nullable: true, description: 'SD-14: last date the analysis report is due; null while unresolved' }) analysisDueOn!: string | null;
  @ApiNested(FaultAnalysisSchema, { nullable: true }) analysis!: FaultAnalysisSchema | null;
  @ApiInstant({ nullable: true }) closedAt!: string | null;
  @ApiInt({ description: 'Stream revision; the ETag of the detail' }) revision!: number;
  @ApiInstant() updatedAt!: string;
  @ApiEnum(ANALYSIS_STATUSES, { nullable: true, description: 'Null while unresolved' }) analysisStatus!: FaultAnalysisStatus | null;
  @ApiDate({ description: 'The date the analysis status is judged on' }) asOf!: string;
}

export class FaultDetailSchema extends FaultSummarySchema implements Pick<FaultView, 'history'> {
  @ApiNestedList(FaultHistoryEntrySchema) history!: FaultHistoryEntrySchema[];
}

export class DepartmentOpinionSchema {
  @ApiText() department!: string;
  @ApiText() submittedBy!: string;
  @ApiInstant() submittedAt!: string;
  @ApiText() opinion!: string;
}

export class DisputeRulingSchema {
  @ApiText() ruledBy!: string;
  @ApiInstant() ruledAt!: string;
  @ApiText() ruling!: string;
}

export class DisputeSchema implements DisputeView {
  @ApiText() disputeId!: string;
  @ApiText() raisedBy!: string;
  @ApiInstant() raisedAt!: string;
  @ApiText() description!: string;
  @ApiNestedList(DepartmentOpinionSchema) opinions!: DepartmentOpinionSchema[];
  @ApiNested(DisputeRulingSchema, { nullable: true, description: "The Office's ruling; null while pending" }) ruling!: DisputeRulingSchema | null;
}

export class CollaborationCompletionSchema {
  @ApiText() completedBy!: string;
  @ApiInstant() completedAt!: string;
  @ApiText() summary!: string;
}

export class CollaborationSchema implements CollaborationView {
  @ApiText() collaborationId!: string;
  @ApiEnum(COLLABORATION_STATUSES) status!: CollaborationView['status'];
  @ApiText() subject!: string;
  @ApiText() openedBy!: string;
  @ApiInstant() openedAt!: string;
  @ApiText() requestingDepartment!: string;
  @ApiTextList() cooperatingDepartments!: string[];
  @ApiText() supervisingDepartment!: string;
  @ApiNestedList(DisputeSchema) disputes!: DisputeSchema[];
  @ApiBool({ description: "A dispute awaits the Office's ruling; completion is refused meanwhile" }) blocked!: boolean;
  @ApiNested(CollaborationCompletionSchema, { nullable: true }) completion!: CollaborationCompletionSchema | null;
  @ApiInt({ description: 'Stream revision; the ETag of the detail' }) revision!: number;
  @ApiInstant() updatedAt!: string;
}
