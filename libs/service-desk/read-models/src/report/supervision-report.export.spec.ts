import type { SupervisionFigures } from '@ebp/service-desk-domain';
import { escapeHtml } from '@ebp/shared-kernel';
import { supervisionReportCsv, supervisionReportHtml } from './supervision-report.export';

const figures: SupervisionFigures = {
  month: '2026-03',
  received: 4,
  resolved: 3,
  openAtMonthEnd: 1,
  resolvedAtFirstContact: 2,
  firstContactResolutionRate: 0.6667,
  medianMinutesToResolve: 60,
  complaints: 1,
  repeatContacts: 2,
  transfers: 1,
  onSiteBreaches: 0,
  callbacksDue: 2,
  callbacksDone: 1,
  inspectionsDone: 1,
  majorFaults: 0,
  shirkingFindings: 0,
};

describe('SD-9 supervision report exports', () => {
  it('SD-9 CSV: UTF-8 BOM, figure,value rows, quoted comments', () => {
    const csv = supervisionReportCsv({
      kind: 'submitted',
      report: { month: '2026-03', version: 2, submittedBy: 'bd-li', submittedAt: '2026-04-02T09:00:00+08:00', addressedTo: 'gm', figures, comments: 'fine, "mostly"' },
    });
    expect(csv.startsWith('\uFEFFfigure,value\r\n')).toBe(true);
    expect(csv).toContain('version,2\r\n');
    expect(csv).toContain('comments,"fine, ""mostly"""\r\n');
    expect(csv).toContain('受理请求 Requests received,4\r\n');
    expect(csv).toContain('首问解决率 First-contact resolution rate,66.67%\r\n');
  });

  it('SD-9 HTML escapes every value it prints (no markup injection through comments)', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = supervisionReportHtml({
      kind: 'submitted',
      report: { month: '2026-03', version: 1, submittedBy: 'bd-<b>', submittedAt: '2026-04-02T09:00:00+08:00', addressedTo: 'gm', figures, comments: '<script>alert(1)</script>' },
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('bd-&lt;b&gt;');
  });

  it('SD-9 HTML: printable page with the figures table and an SVG bar per count', () => {
    const html = supervisionReportHtml({ kind: 'draft', figures: { ...figures, firstContactResolutionRate: null } });
    expect(html).toContain('@media print');
    expect(html).toContain('<svg');
    expect(html.match(/<rect /g)).toHaveLength(11);
    expect(html).toContain('<g data-figure="received">');
    expect(html).toMatch(/data-figure="firstContactResolutionRate"><th scope="row">[^<]+<\/th><td class="value">—<\/td>/);
    expect(html).toContain('Draft');
  });
});
