import { escapeHtml } from '@ebp/shared-kernel';
import type { CallbackListItem } from './callbacks.queries';

/** SD-11 the callback list as a printable page: one row per window due or overdue, overdue first. */
export function callbacksHtml(items: readonly CallbackListItem[], asOf: string): string {
  const ordered = [...items].sort((a, b) => (a.status === b.status ? a.endsBefore.localeCompare(b.endsBefore) : a.status === 'overdue' ? -1 : 1));
  const overdue = items.filter((i) => i.status === 'overdue').length;
  const rows = ordered
    .map(
      (i) =>
        `<tr class="${escapeHtml(i.status)}"><td>${escapeHtml(i.projectName)}<br><small>${escapeHtml(i.projectId)} · ${escapeHtml(i.customerId)}</small></td>` +
        `<td>${escapeHtml(i.deliveredOn)}</td><td>${i.windowIndex} (${escapeHtml(i.kind)})</td>` +
        `<td>${escapeHtml(i.startsOn)} – ${escapeHtml(i.endsBefore)}</td><td>${escapeHtml(i.status)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>回访清单 Callback list ${escapeHtml(asOf)}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#eee}tr.overdue td:last-child{color:#b00020;font-weight:bold}
@media print{body{margin:0}a{color:inherit}}
</style></head><body>
<h1>回访清单 Callback list</h1>
<p>As of ${escapeHtml(asOf)} (Asia/Shanghai): ${items.length} window(s) due or overdue, ${overdue} overdue.</p>
<table><thead><tr><th>Project</th><th>Delivered</th><th>Window</th><th>Period [start, end)</th><th>Status</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
