import type { Page, ReadModelStore } from '@ebp/shared-eventsourcing';
import { MAX_SCORE, MIN_SCORE, SURVEY_DIMENSIONS, nextInspectionDue, type SurveyDimension } from '@ebp/service-desk-domain';
import {
  INSPECTIONS_COLLECTION,
  RESEARCH_VISITS_COLLECTION,
  SATISFACTION_SURVEYS_COLLECTION,
  type InspectionView,
  type ResearchVisitView,
  type SatisfactionSurveyView,
} from './proactive.projections';

const ALL = 10_000;

export type InspectionStatus = 'never-inspected' | 'current' | 'overdue';

export interface ProjectInspectionsView {
  projectId: string;
  inspections: InspectionView[];
  lastInspectionDate: string | null;
  /** SD-16: one policy interval after the last inspection; null before the first. */
  nextDueDate: string | null;
  status: InspectionStatus;
}

export interface DimensionStats {
  count: number;
  /** Rounded to two decimals; null when nothing was surveyed. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** How many surveys gave each score 1..5. */
  distribution: Record<string, number>;
}

export interface SatisfactionStatsView {
  from: string;
  to: string;
  surveys: number;
  followUps: number;
  dimensions: Record<SurveyDimension, DimensionStats>;
}

/** SD-16: inspections of one project, newest first, with the next due date as of `today`. */
export function projectInspections(projectId: string, inspections: readonly InspectionView[], today: string): ProjectInspectionsView {
  const sorted = [...inspections].sort((a, b) => Date.parse(b.inspectedAt) - Date.parse(a.inspectedAt));
  const lastInspectionDate = sorted[0]?.inspectedDate ?? null;
  const nextDueDate = lastInspectionDate ? nextInspectionDue(lastInspectionDate) : null;
  const status: InspectionStatus = nextDueDate === null ? 'never-inspected' : nextDueDate < today ? 'overdue' : 'current';
  return { projectId, inspections: sorted, lastInspectionDate, nextDueDate, status };
}

/** SD-16: count, mean, min, max and distribution of one dimension's scores. */
export function dimensionStats(scores: readonly number[]): DimensionStats {
  const distribution: Record<string, number> = {};
  for (let s = MIN_SCORE; s <= MAX_SCORE; s++) distribution[String(s)] = 0;
  for (const s of scores) distribution[String(s)] = (distribution[String(s)] ?? 0) + 1;
  if (scores.length === 0) return { count: 0, mean: null, min: null, max: null, distribution };
  const sum = scores.reduce((a, b) => a + b, 0);
  return {
    count: scores.length,
    mean: Math.round((sum / scores.length) * 100) / 100,
    min: Math.min(...scores),
    max: Math.max(...scores),
    distribution,
  };
}

/** SD-16: statistics per dimension over the surveys of a period. */
export function satisfactionStats(from: string, to: string, surveys: readonly SatisfactionSurveyView[]): SatisfactionStatsView {
  const dimensions = Object.fromEntries(
    SURVEY_DIMENSIONS.map((d) => [d, dimensionStats(surveys.map((s) => s.scores[d]))]),
  ) as Record<SurveyDimension, DimensionStats>;
  return { from, to, surveys: surveys.length, followUps: surveys.filter((s) => s.followUpTicketId !== null).length, dimensions };
}

/** Read-side questions of SD-16 proactive service. */
export class ProactiveQueries {
  constructor(private readonly store: ReadModelStore) {}

  async inspectionsOf(projectId: string, today: string): Promise<ProjectInspectionsView> {
    const page = await this.store.find<InspectionView>(INSPECTIONS_COLLECTION, { where: { projectId }, limit: ALL });
    return projectInspections(projectId, page.items, today);
  }

  /** Every inspected project's summary, most overdue first. */
  async inspectionsByProject(today: string): Promise<ProjectInspectionsView[]> {
    const page = await this.store.find<InspectionView>(INSPECTIONS_COLLECTION, { limit: ALL });
    const byProject = new Map<string, InspectionView[]>();
    for (const i of page.items) byProject.set(i.projectId, [...(byProject.get(i.projectId) ?? []), i]);
    return [...byProject.entries()]
      .map(([projectId, items]) => projectInspections(projectId, items, today))
      .sort((a, b) => (a.nextDueDate ?? '').localeCompare(b.nextDueDate ?? ''));
  }

  async satisfactionStats(from: string, to: string): Promise<SatisfactionStatsView> {
    const page = await this.store.find<SatisfactionSurveyView>(SATISFACTION_SURVEYS_COLLECTION, {
      where: { surveyedDate: { $gte: from, $lte: to } },
      limit: ALL,
    });
    return satisfactionStats(from, to, page.items);
  }

  async surveys(filter: { customerId?: string; from?: string; to?: string }, skip = 0, limit = 100): Promise<Page<SatisfactionSurveyView>> {
    const where: Record<string, string | { $gte?: string; $lte?: string }> = {};
    if (filter.customerId) where['customerId'] = filter.customerId;
    if (filter.from || filter.to) where['surveyedDate'] = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
    return this.store.find<SatisfactionSurveyView>(SATISFACTION_SURVEYS_COLLECTION, {
      where,
      sort: [{ field: 'surveyedAt', direction: 'desc' }],
      skip,
      limit,
    });
  }

  async researchVisits(filter: { customerId?: string; status?: 'open' | 'closed' }, skip = 0, limit = 100): Promise<Page<ResearchVisitView>> {
    const where: Record<string, string> = {};
    if (filter.customerId) where['customerId'] = filter.customerId;
    if (filter.status) where['status'] = filter.status;
    return this.store.find<ResearchVisitView>(RESEARCH_VISITS_COLLECTION, { where, sort: [{ field: 'visitedAt', direction: 'desc' }], skip, limit });
  }

  async researchVisit(visitId: string): Promise<ResearchVisitView | null> {
    return (await this.store.get<ResearchVisitView>(RESEARCH_VISITS_COLLECTION, visitId))?.doc ?? null;
  }
}
