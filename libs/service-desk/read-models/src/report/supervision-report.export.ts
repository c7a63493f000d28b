import {
  SUPERVISION_CHART_KEYS,
  SUPERVISION_FIGURE_LABELS,
  type SupervisionFigureKey,
  type SupervisionFigures,
} from '@ebp/service-desk-domain';
import { csvOf, escapeHtml } from '@ebp/shared-kernel';
import type { SubmittedSupervisionReport } from './supervision-report.projection';

/** What an export shows: the live draft, or one submitted version exactly as frozen. */
export type SupervisionReportDocument =
  | { kind: 'draft'; figures: SupervisionFigures }
  | { kind: 'submitted'; report: SubmittedSupervisionReport };

const figuresOf = (doc: SupervisionReportDocument): SupervisionFigures => (doc.kind === 'draft' ? doc.figures : doc.report.figures);

/** A figure as a person reads it: the rate as a percentage, absent values blank. */
export function figureText(key: SupervisionFigureKey, figures: SupervisionFigures): string {
  const value = figures[key];
  if (value === null) return '';
  return key === 'firstContactResolutionRate' ? `${(value * 100).toFixed(2)}%` : String(value);
}

function headerRows(doc: SupervisionReportDocument): [string, string][] {
  const month = figuresOf(doc).month;
  if (doc.kind === 'draft') return [['month', month], ['status', 'draft']];
  const r = doc.report;
  return [
    ['month', month],
    ['status', 'submitted'],
    ['version', String(r.version)],
    ['submittedAt', r.submittedAt],
    ['submittedBy', r.submittedBy],
    ['addressedTo', r.addressedTo],
    ['comments', r.comments ?? ''],
  ];
}

/** SD-9 report as CSV `figure,value` rows; the UTF-8 BOM lets Excel read the Chinese labels. */
export function supervisionReportCsv(doc: SupervisionReportDocument): string {
  const figures = figuresOf(doc);
  const rows: [string, string][] = [
    ['figure', 'value'],
    ...headerRows(doc),
    ...SUPERVISION_FIGURE_LABELS.map(({ key, label }): [string, string] => [label, figureText(key, figures)]),
  ];
  return csvOf(rows);
}

const BAR_HEIGHT = 22;
const LABEL_WIDTH = 300;
const BAR_AREA = 360;

/** Horizontal bar chart of the month's counts as inline SVG (prints without scripts or images). */
export function supervisionChartSvg(figures: SupervisionFigures): string {
  const bars = SUPERVISION_CHART_KEYS.map((key) => ({
    key,
    label: SUPERVISION_FIGURE_LABELS.find((l) => l.key === key)?.label ?? key,
    value: figures[key] ?? 0,
  }));
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * BAR_HEIGHT + 10;
  const width = LABEL_WIDTH + BAR_AREA + 60;
  const rows = bars.map((b, i) => {
    const y = 5 + i * BAR_HEIGHT;
    const w = Math.round((b.value / max) * BAR_AREA);
    return (
      `<g data-figure="${escapeHtml(b.key)}">` +
      `<text x="${LABEL_WIDTH - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${w}" height="${BAR_HEIGHT - 6}" fill="#3b6ea5"/>` +
      `<text x="${LABEL_WIDTH + w + 6}" y="${y + 15}">${b.value}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`Monthly counts ${figures.month}`)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="12" font-family="sans-serif">` +
    `${rows.join('')}</svg>`
  );
}

const PRINT_CSS = `
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
.meta { color: #444; margin: 0 0 1em; }
table { border-collapse: collapse; margin: 1em 0; min-width: 28em; }
th, td { border: 1px solid #999; padding: 4px 10px; text-align: left; }
td.value { text-align: right; font-variant-numeric: tabular-nums; }
.draft { color: #a33; font-weight: bold; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; } table, svg { page-break-inside: avoid; } }
`;

function metaLines(doc: SupervisionReportDocument): string[] {
  if (doc.kind === 'draft') return ['<span class="draft">草稿 Draft — live figures, not submitted</span>'];
  const r = doc.report;
  return [
    `版本 Version ${r.version} · 提交 Submitted ${escapeHtml(r.submittedAt)} by ${escapeHtml(r.submittedBy)} · 致 To ${escapeHtml(r.addressedTo)}`,
    ...(r.comments ? [`意见 Comments: ${escapeHtml(r.comments)}`] : []),
  ];
}

/** SD-9 report as a printable HTML page: figures table and bar chart; every value escaped. */
export function supervisionReportHtml(doc: SupervisionReportDocument): string {
  const figures = figuresOf(doc);
  const rows = SUPERVISION_FIGURE_LABELS.map(
    ({ key, label }) => `<tr data-figure="${key}"><th scope="row">${escapeHtml(label)}</th><td class="value">${escapeHtml(figureText(key, figures) || '—')}</td></tr>`,
  );
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`服务监督报告 Supervision report ${figures.month}`)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<h1>服务监督报告 Monthly supervision report — ${escapeHtml(figures.month)}</h1>
${metaLines(doc).map((line) => `<p class="meta">${line}</p>`).join('\n')}
<table>
<thead><tr><th>指标 Figure</th><th>数值 Value</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<figure>
${supervisionChartSvg(figures)}
<figcaption>本月计数 Counts of the month</figcaption>
</figure>
</body>
</html>
`;
}
