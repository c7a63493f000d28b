import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { READS_FROM_KEY } from '@ebp/shared-nest';
import { propertySalesProjections } from './property-sales.projections';
import { PropertySalesQueryModule } from './property-sales-query.module';

type Ctor = { prototype: object; name: string };

const controllers = ((Reflect.getMetadata(MODULE_METADATA.IMPORTS, PropertySalesQueryModule) ?? []) as object[]).flatMap((m) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, m) ?? []) as Ctor[]);

function routes() {
  return controllers.flatMap((c) =>
    Object.getOwnPropertyNames(c.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => {
        const handler = (c.prototype as Record<string, unknown>)[name] as object;
        return {
          controller: c,
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

describe('property-sales query API surface', () => {
  it('PS-1 every query handler is a GET under /property-sales with @Roles, @ReadsFrom (property-sales read models only) and a PS-rule summary', () => {
    const names = new Set(propertySalesProjections.map((p) => p.name));
    const all = routes();
    expect(all.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        'projects/:projectId/buildings/:buildingId/board',
        'units/:unitId',
        'contracts/:contractId/copies',
        'customers',
        'customers/:customerId',
        'subscriptions',
        'follow-ups',
        'signing-lists',
        'office-days/:projectId/:date',
        'reports/daily-sales',
        'reports/daily-sales.csv',
        'reports/daily-sales.html',
        'reports/sales-control',
        'reports/sales-control.csv',
        'reports/sales-control.html',
      ]),
    );
    // The board's page is public under /sales-control and reads nothing itself (the board module's own spec covers it).
    for (const r of all.filter((x) => Reflect.getMetadata(PATH_METADATA, x.controller) !== 'sales-control')) {
      expect([r.name, Reflect.getMetadata(PATH_METADATA, r.controller)]).toEqual([r.name, 'property-sales']);
      expect([r.name, r.method]).toEqual([r.name, RequestMethod.GET]);
      expect([r.name, (r.reads ?? []).length > 0 && (r.reads ?? []).every((n) => names.has(n))]).toEqual([r.name, true]);
      expect([r.name, (r.roles ?? []).length > 0]).toEqual([r.name, true]);
      expect([r.name, r.summary]).toEqual([r.name, expect.stringMatching(/^PS-\d/)]);
    }
    for (const r of all.filter((x) => x.path!.startsWith('reports/'))) expect(r.roles).toEqual(['site-manager', 'site-supervisor', 'agency-supervisor', 'finance']);
  });
});
