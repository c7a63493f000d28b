import { csvOf, escapeHtml } from '@ebp/shared-kernel';
import { amountTd, cny, printablePage, sqm, td } from '../shared/html';
import type { DailySalesReport, SalesControlReport, SalesFigures, StateFigures } from './reports.queries';

export const DAILY_SALES_CSV_COLUMNS = ['row', 'agencyId', 'agencyName', 'salespersonId', 'salespersonName', 'subscriptions', 'cancelled', 'subscriptionsFen', 'subscriptionsAmount', 'contracts', 'contractsFen', 'contractsAmount'] as const;

const figures = (f: SalesFigures): (string | number)[] => [f.subscriptions, f.cancelled, f.subscriptionsFen, cny(f.subscriptionsFen), f.contracts, f.contractsFen, cny(f.contractsFen)];

/** The day's sales as one CSV table (UTF-8 BOM, CRLF): salesperson rows, agency totals, the total. */
export function dailySalesCsv(r: DailySalesReport): string {
  return csvOf([
    [...DAILY_SALES_CSV_COLUMNS],
    ...r.items.map((i) => ['salesperson', i.agencyId, i.agencyName, i.salespersonId, i.salespersonName, ...figures(i)]),
    ...r.agencies.map((a) => ['agency', a.agencyId, a.agencyName, '', '', ...figures(a)]),
    ['total', '', '', '', '', ...figures(r.totals)],
  ]);
}

const figureCells = (f: SalesFigures): string =>
  [amountTd(f.subscriptions), amountTd(f.cancelled), amountTd(cny(f.subscriptionsFen)), amountTd(f.contracts), amountTd(cny(f.contractsFen))].join('');

const FIGURE_HEADS = '<th class="amount">认购 Subscriptions</th><th class="amount">已退 Cancelled</th><th class="amount">认购金额 Amount</th><th class="amount">签约 Contracts</th><th class="amount">签约金额 Amount</th>';

/** The day's sales as a printable page; every value escaped. */
export function dailySalesHtml(r: DailySalesReport): string {
  const title = `销售日报 Daily sales ${r.projectName ?? r.projectId} ${r.date}`;
  const rows = r.items.map((i) => `<tr>${td(i.agencyName)}${td(i.salespersonName)}${td(i.salespersonId)}${figureCells(i)}</tr>`);
  const agencies = r.agencies.map((a) => `<tr>${td(a.agencyName)}${td(a.agencyId)}${figureCells(a)}</tr>`);
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">项目 Project ${escapeHtml(r.projectId)} · 日期 Date ${escapeHtml(r.date)}${r.agencyId ? ` · 代理 Agency ${escapeHtml(r.agencyId)}` : ''}</p>
<table>
<thead><tr><th>代理 Agency</th><th>置业顾问 Salesperson</th><th>工号 Staff id</th>${FIGURE_HEADS}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot>
<tr><th scope="row" colspan="3">合计 Total</th>${figureCells(r.totals)}</tr>
</tfoot>
</table>
<h2>代理合计 Totals per agency</h2>
<table>
<thead><tr><th>代理 Agency</th><th>编号 Id</th>${FIGURE_HEADS}</tr></thead>
<tbody>
${agencies.join('\n')}
</tbody>
</table>`;
  return printablePage(title, body);
}

export const SALES_CONTROL_CSV_COLUMNS = ['row', 'buildingId', 'buildingName', 'state', 'units', 'areaCentiSqm', 'areaSqm', 'listPriceFen', 'listPrice'] as const;

const stateColumns = (s: Pick<StateFigures, 'units' | 'areaCentiSqm' | 'listPriceFen'>): (string | number)[] => [s.units, s.areaCentiSqm, sqm(s.areaCentiSqm), s.listPriceFen, cny(s.listPriceFen)];

/** The sales-control summary as CSV: a row per building and state, a building total, totals per state. */
export function salesControlCsv(r: SalesControlReport): string {
  return csvOf([
    [...SALES_CONTROL_CSV_COLUMNS],
    ...r.buildings.flatMap((b) => [
      ...b.states.map((s) => ['state', b.buildingId, b.buildingName ?? '', s.state, ...stateColumns(s)]),
      ['building', b.buildingId, b.buildingName ?? '', '', ...stateColumns(b)],
    ]),
    ...r.totals.map((s) => ['total', '', '', s.state, ...stateColumns(s)]),
  ]);
}

const STATE_LABELS: Record<string, string> = { available: '可售 Available', reserved: '预留 Reserved', held: '保留 Held', subscribed: '已认购 Subscribed', contracted: '已签约 Contracted' };

/** The sales-control summary as a printable page; every value escaped. */
export function salesControlHtml(r: SalesControlReport): string {
  const title = `销控汇总 Sales control ${r.projectName ?? r.projectId}${r.buildingId ? ` ${r.buildingId}` : ''}`;
  const cells = (s: Pick<StateFigures, 'units' | 'areaCentiSqm' | 'listPriceFen'>) => `${amountTd(s.units)}${amountTd(sqm(s.areaCentiSqm))}${amountTd(cny(s.listPriceFen))}`;
  const head = '<thead><tr><th>状态 State</th><th class="amount">套数 Units</th><th class="amount">面积 Area m²</th><th class="amount">总价 List price</th></tr></thead>';
  const buildings = r.buildings.map(
    (b) => `<h2>${escapeHtml(`楼栋 Building ${b.buildingName ?? b.buildingId} (${b.buildingId})`)}</h2>
<table>
${head}
<tbody>
${b.states.map((s) => `<tr>${td(STATE_LABELS[s.state] ?? s.state)}${cells(s)}</tr>`).join('\n')}
</tbody>
<tfoot><tr><th scope="row">合计 Total</th>${cells(b)}</tr></tfoot>
</table>`,
  );
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">截至 As of ${escapeHtml(r.asOf)}</p>
${buildings.join('\n')}
<h2>项目合计 Project totals</h2>
<table>
${head}
<tbody>
${r.totals.map((s) => `<tr>${td(STATE_LABELS[s.state] ?? s.state)}${cells(s)}</tr>`).join('\n')}
</tbody>
</table>`;
  return printablePage(title, body);
}
