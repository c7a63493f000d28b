import type { Condition, ReadModelStore } from '@ebp/shared-eventsourcing';
import { UNIT_STATUSES, unitStatusAt, type Unit, type UnitStatus } from '@ebp/property-sales-domain';
import { PsAccess, REPORT_ROLES, type PsReader } from '../shared/access';
import { requireCode, requireDate } from '../shared/params';
import { SUBSCRIPTIONS_COLLECTION } from '../subscriptions/subscriptions.projection';
import type { SubscriptionView } from '../subscriptions/subscription.view';
import { UNITS_COLLECTION } from '../units/units.projection';

const ALL = 100_000;

export interface SalesFigures {
  /** Units subscribed that day (cancelled ones included, counted apart too). */
  subscriptions: number;
  subscriptionsFen: number;
  /** Of them, cancelled since. */
  cancelled: number;
  /** Contracts concluded that day. */
  contracts: number;
  contractsFen: number;
}

export interface DailySalesRow extends SalesFigures {
  agencyId: string;
  agencyName: string;
  salespersonId: string;
  salespersonName: string;
}

export interface AgencySalesRow extends SalesFigures {
  agencyId: string;
  agencyName: string;
}

/** The day's sales of a project: subscriptions, contracts and amounts per agency and salesperson. */
export interface DailySalesReport {
  projectId: string;
  projectName: string | null;
  date: string;
  /** null: every agency; an agency supervisor sees their own. */
  agencyId: string | null;
  /** By agency, then salesperson. */
  items: DailySalesRow[];
  agencies: AgencySalesRow[];
  totals: SalesFigures;
}

export interface StateFigures {
  state: UnitStatus;
  units: number;
  areaCentiSqm: number;
  listPriceFen: number;
}

export interface BuildingSalesControl {
  buildingId: string;
  buildingName: string | null;
  /** One row per state (available, reserved, held, subscribed, contracted), zeros included. */
  states: StateFigures[];
  units: number;
  areaCentiSqm: number;
  listPriceFen: number;
}

/** PS-1: the sales-control summary per building: counts and areas per state as of `asOf`. */
export interface SalesControlReport {
  projectId: string;
  projectName: string | null;
  buildingId: string | null;
  asOf: string;
  buildings: BuildingSalesControl[];
  totals: StateFigures[];
}

const zero = (): SalesFigures => ({ subscriptions: 0, subscriptionsFen: 0, cancelled: 0, contracts: 0, contractsFen: 0 });

function stateFigures(units: Unit[], asOf: string): StateFigures[] {
  return UNIT_STATUSES.map((state) => {
    const inState = units.filter((u) => unitStatusAt(u, asOf) === state);
    return { state, units: inState.length, areaCentiSqm: inState.reduce((n, u) => n + u.areaCentiSqm, 0), listPriceFen: inState.reduce((n, u) => n + u.listPriceFen, 0) };
  });
}

/** The reports: the developer's site manager and site supervisor, finance, and agency supervisors (their agency's rows). */
export class PsReportQueries {
  private readonly access: PsAccess;

  constructor(private readonly store: ReadModelStore) {
    this.access = new PsAccess(store);
  }

  async dailySales(reader: PsReader, projectId: string, date: string): Promise<DailySalesReport> {
    requireCode(projectId, 'PS-4', 'projectId');
    requireDate(date, 'PS-4');
    this.access.requireRole(reader, REPORT_ROLES, 'PS-4', 'the daily sales report');
    const scope = await this.access.scope(reader, 'PS-4', 'the daily sales report');
    const agencyWhere: Record<string, Condition> = scope.all ? {} : { agencyId: scope.agencyId };
    const find = (where: Record<string, Condition>) => this.store.find<SubscriptionView>(SUBSCRIPTIONS_COLLECTION, { where: { projectId, ...agencyWhere, ...where }, limit: ALL });
    const [subscribed, contracted] = await Promise.all([find({ subscribedDate: date }), find({ contractedDate: date })]);
    const rows = new Map<string, DailySalesRow>();
    const rowOf = (s: SubscriptionView): DailySalesRow => {
      const key = `${s.agencyId}\u0000${s.salespersonId}`;
      let row = rows.get(key);
      if (!row) {
        row = { agencyId: s.agencyId, agencyName: s.agencyId, salespersonId: s.salespersonId, salespersonName: s.salespersonId, ...zero() };
        rows.set(key, row);
      }
      return row;
    };
    for (const s of subscribed.items) {
      const row = rowOf(s);
      row.subscriptions += 1;
      row.subscriptionsFen += s.totalFen;
      if (s.status === 'cancelled') row.cancelled += 1;
    }
    for (const s of contracted.items) {
      const row = rowOf(s);
      row.contracts += 1;
      row.contractsFen += s.totalFen;
    }
    const items = [...rows.values()];
    const [agencies, members, project] = await Promise.all([this.access.agencies(items.map((r) => r.agencyId)), this.access.members(items.map((r) => r.salespersonId)), this.access.project(projectId)]);
    for (const row of items) {
      row.agencyName = agencies.get(row.agencyId)?.name ?? row.agencyId;
      row.salespersonName = members.get(row.salespersonId)?.name ?? row.salespersonId;
    }
    items.sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.salespersonId.localeCompare(b.salespersonId));
    const totals = zero();
    const perAgency = new Map<string, AgencySalesRow>();
    for (const row of items) {
      const agency = perAgency.get(row.agencyId) ?? { agencyId: row.agencyId, agencyName: row.agencyName, ...zero() };
      for (const target of [totals, agency]) {
        target.subscriptions += row.subscriptions;
        target.subscriptionsFen += row.subscriptionsFen;
        target.cancelled += row.cancelled;
        target.contracts += row.contracts;
        target.contractsFen += row.contractsFen;
      }
      perAgency.set(row.agencyId, agency);
    }
    return { projectId, projectName: project?.name ?? null, date, agencyId: scope.all ? null : scope.agencyId, items, agencies: [...perAgency.values()], totals };
  }

  async salesControl(reader: PsReader, projectId: string, buildingId: string | undefined, asOf: string): Promise<SalesControlReport> {
    requireCode(projectId, 'PS-1', 'projectId');
    if (buildingId !== undefined) requireCode(buildingId, 'PS-1', 'buildingId');
    this.access.requireRole(reader, REPORT_ROLES, 'PS-1', 'the sales-control summary');
    await this.access.scope(reader, 'PS-1', 'the sales-control summary');
    const where: Record<string, Condition> = { projectId };
    if (buildingId !== undefined) where['buildingId'] = buildingId;
    const [units, project] = await Promise.all([
      this.store.find<Unit>(UNITS_COLLECTION, {
        where,
        sort: [
          { field: 'buildingId', direction: 'asc' },
          { field: 'unitId', direction: 'asc' },
        ],
        limit: ALL,
      }),
      this.access.project(projectId),
    ]);
    const byBuilding = new Map<string, Unit[]>();
    for (const b of project?.buildings ?? []) if (buildingId === undefined || b.buildingId === buildingId) byBuilding.set(b.buildingId, []);
    for (const u of units.items) byBuilding.set(u.buildingId, [...(byBuilding.get(u.buildingId) ?? []), u]);
    const buildings = [...byBuilding.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, list]): BuildingSalesControl => ({
        buildingId: id,
        buildingName: project?.buildings.find((b) => b.buildingId === id)?.name ?? null,
        states: stateFigures(list, asOf),
        units: list.length,
        areaCentiSqm: list.reduce((n, u) => n + u.areaCentiSqm, 0),
        listPriceFen: list.reduce((n, u) => n + u.listPriceFen, 0),
      }));
    return { projectId, projectName: project?.name ?? null, buildingId: buildingId ?? null, asOf, buildings, totals: stateFigures(units.items, asOf) };
  }
}
