import type { StaffDemoApi } from './demo-support';
import { shanghaiMonth } from '@ebp/shared-kernel';

/*
 * Demo data for SD-9, the monthly supervision report (服务监督报告), through the public HTTP API.
 * service-desk.demo.ts runs it after the other areas have produced their activity:
 *
 *   await seedReport({ call, token });
 *
 * The business department manager submits last month's report (Asia/Shanghai) to the general
 * manager, freezing its figures. Re-runnable: a month already submitted is left alone.
 * Exports to look at afterwards:
 *   GET /service-desk/supervision-reports/<YYYY-MM>/draft
 *   GET /service-desk/supervision-reports/<YYYY-MM>/export.html?version=1
 *   GET /service-desk/supervision-reports/<YYYY-MM>/export.csv?version=1
 */

const BUSINESS_MANAGER = 'bd-zhang-jun';

/** The month before the current one, Asia/Shanghai. */
function lastMonth(): string {
  const [year, month] = shanghaiMonth(new Date().toISOString()).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export async function seedReport(api: StaffDemoApi): Promise<{ month: string; version: number | null }> {
  const month = lastMonth();
  const business = api.token(BUSINESS_MANAGER);
  const path = `/service-desk/supervision-reports/${month}`;
  const existing = await api.call('GET', path, business);
  if (existing.status === 200) return { month, version: null };
  const submitted = await api.call('POST', path, business, {
    comments: 'Monthly supervision report for the general manager; figures frozen at submission.',
  });
  if (submitted.status !== 201) throw new Error(`SD-9 report submission failed: HTTP ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const version = (submitted.body as { version?: number }).version ?? null;
  return { month, version };
}
