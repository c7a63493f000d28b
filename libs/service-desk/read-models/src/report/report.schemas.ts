import type { SupervisionFigures } from '@ebp/service-desk-domain';
import { ApiInstant, ApiInt, ApiNested, ApiNestedList, ApiNumber, ApiText } from '@ebp/shared-nest';
import type { SubmittedSupervisionReport } from './supervision-report.projection';

const MONTH = { description: 'Asia/Shanghai month, YYYY-MM', example: '2026-03' };

/** SD-9 figures of one month (live for a draft, frozen in a submitted version). */
export class SupervisionFiguresSchema implements SupervisionFigures {
  @ApiText(MONTH) month!: string;
  @ApiInt({ minimum: 0, description: 'Tickets whose receivedAt falls in the month' }) received!: number;
  @ApiInt({ minimum: 0, description: 'Tickets whose resolvedAt falls in the month' }) resolved!: number;
  @ApiInt({ minimum: 0, description: 'Tickets received by month end and not resolved by then' }) openAtMonthEnd!: number;
  @ApiInt({ minimum: 0 }) resolvedAtFirstContact!: number;
  @ApiNumber({ nullable: true, description: 'resolvedAtFirstContact / resolved, 4 decimals; null when nothing was resolved' }) firstContactResolutionRate!: number | null;
  @ApiNumber({ nullable: true, description: 'Median minutes from receivedAt to resolvedAt; null when nothing was resolved' }) medianMinutesToResolve!: number | null;
  @ApiInt({ minimum: 0 }) complaints!: number;
  @ApiInt({ minimum: 0 }) repeatContacts!: number;
  @ApiInt({ minimum: 0 }) transfers!: number;
  @ApiInt({ minimum: 0 }) onSiteBreaches!: number;
  @ApiInt({ minimum: 0, description: 'SD-11 callback windows ending in the month' }) callbacksDue!: number;
  @ApiInt({ minimum: 0, description: 'Of those, the windows with a callback' }) callbacksDone!: number;
  @ApiInt({ minimum: 0 }) inspectionsDone!: number;
  @ApiInt({ minimum: 0 }) majorFaults!: number;
  @ApiInt({ minimum: 0 }) shirkingFindings!: number;
}

/** One submitted version, exactly as submitted. */
export class SubmittedSupervisionReportSchema implements SubmittedSupervisionReport {
  @ApiText(MONTH) month!: string;
  @ApiInt({ minimum: 1, description: '1 for the first submission; a correction is the next version' }) version!: number;
  @ApiText() submittedBy!: string;
  @ApiInstant() submittedAt!: string;
  @ApiText() addressedTo!: string;
  @ApiNested(SupervisionFiguresSchema) figures!: SupervisionFiguresSchema;
  @ApiText({ nullable: true }) comments!: string | null;
}

export class SupervisionReportVersionRefSchema implements Pick<SubmittedSupervisionReport, 'version' | 'submittedAt' | 'submittedBy' | 'addressedTo'> {
  @ApiInt({ minimum: 1 }) version!: number;
  @ApiInstant() submittedAt!: string;
  @ApiText() submittedBy!: string;
  @ApiText() addressedTo!: string;
}

export class SupervisionReportLatestSchema {
  @ApiText(MONTH) month!: string;
  @ApiNested(SubmittedSupervisionReportSchema, { nullable: true, description: 'The latest submitted version' }) latest!: SubmittedSupervisionReportSchema | null;
  @ApiNestedList(SupervisionReportVersionRefSchema, { description: 'Every submitted version' }) versions!: SupervisionReportVersionRefSchema[];
}
