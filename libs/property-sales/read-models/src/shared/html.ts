import { escapeHtml, fen, formatCny } from '@ebp/shared-kernel';

/** Print styles of property sales' printable reports. */
export const PRINT_CSS = `
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #111; }
h1 { font-size: 1.4em; margin-bottom: 0.2em; }
h2 { font-size: 1.1em; margin-top: 1.5em; }
.meta { color: #444; margin: 0 0 0.4em; }
table { border-collapse: collapse; margin: 1em 0; min-width: 28em; }
th, td { border: 1px solid #999; padding: 4px 10px; text-align: left; vertical-align: top; }
td.amount, th.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td, tfoot th { font-weight: bold; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; } table { page-break-inside: avoid; } }
`;

/** A printable page: title, print styles and the given body (already escaped). */
export function printablePage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export const cny = (amountFen: number): string => formatCny(fen(amountFen));
/** Square metres with two decimals from hundredths (12345 → 123.45). */
export const sqm = (areaCentiSqm: number): string => (areaCentiSqm / 100).toFixed(2);
export const td = (text: string | number): string => `<td>${escapeHtml(String(text))}</td>`;
export const amountTd = (text: string | number): string => `<td class="amount">${escapeHtml(String(text))}</td>`;
