import { streamCategory } from '@ebp/shared-eventsourcing';
import { SG_CONTEXT } from './context';

export const callStreams = streamCategory(SG_CONTEXT, 'call');
export const applicantStreams = streamCategory(SG_CONTEXT, 'applicant');
export const applicationStreams = streamCategory(SG_CONTEXT, 'application');

/** SG-1: one funding call per year, e.g. `subsidy-grants.call.2026` (the stream's existence is "one call per year"). */
export const callStream = (year: number): string => callStreams.of(String(year));
/** SG-2 / SG-10: an applicant unit's record and its clawback flags, e.g. `subsidy-grants.applicant.hz-soft`. */
export const applicantStream = (applicantId: string): string => applicantStreams.of(applicantId);
/**
 * SG-3 … SG-10: one application's whole life — draft, attachments, route, review, approval, budget,
 * tranches, completion and supervision — on one stream, so "never more than approved" is the
 * stream's expected revision: `subsidy-grants.application.2026-hz-soft-1`.
 */
export const applicationStream = (applicationId: string): string => applicationStreams.of(applicationId);

/** Applicant and application ids: letters, digits, `_` and `-`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
