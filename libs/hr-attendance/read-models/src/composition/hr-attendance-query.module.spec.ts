import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { READS_FROM_KEY } from '@ebp/shared-nest';
import { hrAttendanceProjections } from './hr-attendance.projections';
import { HrAttendanceQueryModule } from './hr-attendance-query.module';

type Ctor = { prototype: object; name: string };

// The controllers of every module the query module imports.
const controllers = ((Reflect.getMetadata(MODULE_METADATA.IMPORTS, HrAttendanceQueryModule) ?? []) as object[])
  .flatMap((m) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, m) ?? []) as Ctor[]);

function routes() {
  return controllers.flatMap((c) =>
    Object.getOwnPropertyNames(c.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => {
        const handler = (c.prototype as Record<string, unknown>)[name] as object;
        return {
          name: `${c.name}.${name}`,
          path: Reflect.getMetadata(PATH_METADATA, handler) as string | undefined,
          method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined,
          reads: Reflect.getMetadata(READS_FROM_KEY, handler) as string[] | undefined,
          roles: Reflect.getMetadata('ebp:roles', handler) as string[] | undefined,
          summary: (Reflect.getMetadata('swagger/apiOperation', handler) as { summary?: string } | undefined)?.summary,
        };
      })
      .filter((r) => r.path !== undefined),
  );
}

describe('HR query API surface', () => {
  it('HR-6 every query handler is a GET under /hr-attendance with @Roles, @ReadsFrom (HR read models only) and an HR-rule summary', () => {
    const names = new Set(hrAttendanceProjections.map((p) => p.name));
    const all = routes();
    expect(all.map((r) => r.path).sort()).toEqual(
      [
        'attendance',
        'attendance-corrections',
        'attendance/:staffId/:month',
        'conduct',
        'daily-reports/missing',
        'employees',
        'employees/:staffId',
        'leave-requests',
        'payroll/:month',
        'payroll/:month.csv',
        'payroll/:month.html',
        'payslips/:staffId/:month',
        'payslips/:staffId/:month.csv',
        'payslips/:staffId/:month.html',
        'unmatched-facts',
        'violations',
      ].sort(),
    );
    for (const c of controllers) expect(Reflect.getMetadata(PATH_METADATA, c)).toBe('hr-attendance');
    for (const r of all) {
      expect([r.name, r.method]).toEqual([r.name, RequestMethod.GET]);
      expect([r.name, (r.reads ?? []).length > 0 && (r.reads ?? []).every((n) => names.has(n))]).toEqual([r.name, true]);
      expect([r.name, (r.roles ?? []).length > 0]).toEqual([r.name, true]);
      expect([r.name, r.summary]).toEqual([r.name, expect.stringMatching(/^HR-\d/)]);
    }
    const payroll = all.filter((r) => r.path!.startsWith('payroll/'));
    for (const r of payroll) expect(r.roles).toEqual(['hr-manager', 'finance']);
    expect(all.find((r) => r.path === 'unmatched-facts')!.roles).toEqual(['hr-manager']);
  });
});
