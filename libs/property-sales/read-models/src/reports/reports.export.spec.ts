import { DAILY_SALES_CSV_COLUMNS, SALES_CONTROL_CSV_COLUMNS, dailySalesCsv, dailySalesHtml, salesControlCsv, salesControlHtml } from './reports.export';
import type { DailySalesReport, SalesControlReport } from './reports.queries';

const figures = { subscriptions: 2, subscriptionsFen: 600_000_000, cancelled: 1, contracts: 1, contractsFen: 300_000_000 };

const daily: DailySalesReport = {
  projectId: 'lakeside',
  projectName: 'Lakeside <script>alert(1)</script>',
  date: '2026-03-02',
  agencyId: null,
  items: [{ agencyId: 'sunrise', agencyName: 'Sunrise, "Realty"', salespersonId: 'sp-wang', salespersonName: '王<芳>', ...figures }],
  agencies: [{ agencyId: 'sunrise', agencyName: 'Sunrise, "Realty"', ...figures }],
  totals: figures,
};

const control: SalesControlReport = {
  projectId: 'lakeside',
  projectName: 'Lake & "Side"',
  buildingId: null,
  asOf: '2026-03-02T18:00:00+08:00',
  buildings: [
    {
      buildingId: 'b1',
      buildingName: 'Tower <1>',
      states: [
        { state: 'available', units: 2, areaCentiSqm: 18_050, listPriceFen: 600_000_000 },
        { state: 'contracted', units: 1, areaCentiSqm: 9_000, listPriceFen: 300_000_000 },
      ],
      units: 3,
      areaCentiSqm: 27_050,
      listPriceFen: 900_000_000,
    },
  ],
  totals: [{ state: 'available', units: 2, areaCentiSqm: 18_050, listPriceFen: 600_000_000 }],
};

const rowsOf = (csv: string) => csv.slice(1).split('\r\n').filter(Boolean);

describe('property-sales report exports', () => {
  it('PS-4 daily sales CSV: UTF-8 BOM, fixed columns, quoted commas and quotes, salesperson, agency and total rows', () => {
    const csv = dailySalesCsv(daily);
    expect(csv.startsWith(`\uFEFF${DAILY_SALES_CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(rowsOf(csv)).toEqual([
      DAILY_SALES_CSV_COLUMNS.join(','),
      'salesperson,sunrise,"Sunrise, ""Realty""",sp-wang,王<芳>,2,1,600000000,"¥6,000,000.00",1,300000000,"¥3,000,000.00"',
      'agency,sunrise,"Sunrise, ""Realty""",,,2,1,600000000,"¥6,000,000.00",1,300000000,"¥3,000,000.00"',
      'total,,,,,2,1,600000000,"¥6,000,000.00",1,300000000,"¥3,000,000.00"',
    ]);
  });

  it('PS-4 daily sales HTML escapes every value', () => {
    const html = dailySalesHtml(daily);
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Lakeside &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td>王&lt;芳&gt;</td>');
    expect(html).toContain('<td>Sunrise, &quot;Realty&quot;</td>');
  });

  it('PS-1 sales-control CSV: a row per building and state, the building total, totals per state; areas in m²', () => {
    const rows = rowsOf(salesControlCsv(control));
    expect(rows[0]).toBe(SALES_CONTROL_CSV_COLUMNS.join(','));
    expect(rows).toContain('state,b1,Tower <1>,available,2,18050,180.50,600000000,"¥6,000,000.00"');
    expect(rows).toContain('building,b1,Tower <1>,,3,27050,270.50,900000000,"¥9,000,000.00"');
    expect(rows).toContain('total,,,available,2,18050,180.50,600000000,"¥6,000,000.00"');
  });

  it('PS-1 sales-control HTML escapes every value', () => {
    const html = salesControlHtml(control);
    expect(html).toContain('Lake &amp; &quot;Side&quot;');
    expect(html).toContain('Tower &lt;1&gt;');
    expect(html).not.toContain('Tower <1>');
    expect(html).toContain('<td class="amount">270.50</td>');
  });
});
