import { Global, HttpStatus, Module, RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DECORATORS, DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ANY_STAFF } from '@ebp/shared-auth';
import { CLOCK, CommandReplySchema, EVENT_STORE, READ_MODEL_STORE } from '@ebp/shared-nest';
import { PunchImportResultSchema } from '../attendance/attendance.dto';
import { HrAttendanceApiModule } from './hr-attendance-api.module';

// Every command operation documents its reply, its headers, security and error shapes, and every input.

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, useValue: {} },
    { provide: READ_MODEL_STORE, useValue: {} },
    { provide: CLOCK, useValue: { now: () => '2026-01-01T00:00:00+08:00' } },
  ],
  exports: [EVENT_STORE, READ_MODEL_STORE, CLOCK],
})
class StubPortsModule {}

@Module({ imports: [StubPortsModule, HrAttendanceApiModule] })
class DocumentedModule {}

interface Operation {
  route: string;
  summary?: string;
  parameters?: { name: string; in: string; description?: string }[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: { $ref?: string; type?: string } }> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref?: string } }> }>;
}

interface PropertySchema {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  allOf?: unknown[];
  items?: PropertySchema;
  format?: string;
  pattern?: string;
  maxLength?: number;
}

const IMPORT = 'POST /hr-attendance/attendance/imports';
/** `@Roles` metadata (libs/shared/auth/src/auth.guard.ts). */
const ROLES_KEY = 'ebp:roles';
/** The brief: HR alone keeps records, imports, enters complaints and closes; the rest is any staff, checked per person in code. */
const HR_ONLY = ['hire', 'changeDetails', 'changeBaseSalary', 'recordLeaving', 'importPunches', 'recordComplaint', 'close'];

function operations(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, op]) => ({ ...(op as Omit<Operation, 'route'>), route: `${method.toUpperCase()} ${path}` })),
  );
}

function controllersOf(module: Type<unknown>): Type<unknown>[] {
  const own: Type<unknown>[] = Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? [];
  const imports: Type<unknown>[] = Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? [];
  return [...own, ...imports.flatMap(controllersOf)];
}

function handlersOf(controller: Type<unknown>): [string, (...args: unknown[]) => unknown][] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor' && typeof prototype[name] === 'function')
    .map((name): [string, (...args: unknown[]) => unknown] => [name, prototype[name] as (...args: unknown[]) => unknown])
    .filter(([, handler]) => Reflect.getMetadata(PATH_METADATA, handler) !== undefined);
}

function statusOf(handler: object): number {
  return Reflect.getMetadata(HTTP_CODE_METADATA, handler) ?? (Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? HttpStatus.CREATED : HttpStatus.OK);
}

function documentsItsBound(schema: PropertySchema): boolean {
  if (schema.type === 'array') return schema.items !== undefined && documentsItsBound(schema.items);
  if (schema.type !== 'string') return schema.type !== undefined || schema.$ref !== undefined || schema.allOf !== undefined || schema.enum !== undefined;
  return schema.enum !== undefined || schema.format !== undefined || schema.pattern !== undefined || schema.maxLength !== undefined;
}

describe('HR / attendance command API documentation', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(DocumentedModule, new FastifyAdapter(), { logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build());
  });

  afterAll(() => app.close());

  it('HR-1…HR-7 documents every command of the brief under /hr-attendance, each summary naming its rule', () => {
    const routes = operations(document).map((o) => o.route).sort();
    expect(routes).toEqual(
      [
        'POST /hr-attendance/employees',
        'PUT /hr-attendance/employees/{staffId}',
        'POST /hr-attendance/employees/{staffId}/salary',
        'POST /hr-attendance/employees/{staffId}/leaving',
        'POST /hr-attendance/attendance/sign-in',
        'POST /hr-attendance/attendance/sign-out',
        IMPORT,
        'POST /hr-attendance/leave-requests',
        'POST /hr-attendance/leave-requests/{id}/approve',
        'POST /hr-attendance/leave-requests/{id}/reject',
        'POST /hr-attendance/attendance-corrections',
        'POST /hr-attendance/attendance-corrections/{id}/approve',
        'POST /hr-attendance/attendance-corrections/{id}/reject',
        'POST /hr-attendance/daily-reports/{date}',
        'POST /hr-attendance/complaints',
        'POST /hr-attendance/conduct-records',
        'POST /hr-attendance/pay-elements',
        'POST /hr-attendance/payroll/{month}/close',
      ].sort(),
    );
    for (const op of operations(document)) expect({ route: op.route, summary: op.summary }).toEqual({ route: op.route, summary: expect.stringMatching(/^HR-[1-7] /) });
  });

  it('HR-1 documents every operation with bearer security, the command error shapes and the request headers', () => {
    for (const op of operations(document)) {
      expect({ route: op.route, security: op.security }).toEqual({ route: op.route, security: [{ bearer: [] }] });
      const errors = op.route === IMPORT ? ['400', '401', '403', '404', '409', '412', '413', '415', '422'] : ['400', '401', '403', '404', '409', '412', '422'];
      expect({ route: op.route, errors: Object.keys(op.responses).filter((s) => s >= '400').sort() }).toEqual({ route: op.route, errors });
      const headers = (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name);
      expect({ route: op.route, headers }).toEqual({ route: op.route, headers: expect.arrayContaining(['If-Match', 'X-Correlation-Id']) });
    }
  });

  it('HR-1 answers every command with a command reply schema and its ETag and X-Position headers; the import with its result', () => {
    for (const op of operations(document)) {
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith('2'));
      expect({ route: op.route, statuses: success.length }).toEqual({ route: op.route, statuses: 1 });
      const [, response] = success[0];
      const expected = op.route === IMPORT ? /PunchImportResultSchema$/ : /ReplySchema$/;
      expect({ route: op.route, schema: response.content?.['application/json']?.schema.$ref }).toEqual({ route: op.route, schema: expect.stringMatching(expected) });
      const headers = op.route === IMPORT ? ['X-Position'] : ['ETag', 'X-Position'];
      expect({ route: op.route, headers: Object.keys(response.headers ?? {}) }).toEqual({ route: op.route, headers: expect.arrayContaining(headers) });
    }
  });

  it("HR-1 documents each handler's 2xx under the status it really answers with, and restricts it to roles", () => {
    const handlers = controllersOf(HrAttendanceApiModule).flatMap((controller) => handlersOf(controller).map(([name, handler]) => ({ controller, name, handler })));
    expect(handlers.length).toBe(operations(document).length);
    for (const { controller, name, handler } of handlers) {
      const responses: Record<string, { type?: unknown }> = Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {};
      const documented = Object.keys(responses).filter((status) => status.startsWith('2'));
      const route = `${controller.name}.${name}`;
      expect({ route, documented }).toEqual({ route, documented: [String(statusOf(handler))] });
      const type = responses[documented[0]].type as Type<unknown>;
      const reply = type === CommandReplySchema || type.prototype instanceof CommandReplySchema || type === PunchImportResultSchema;
      expect({ route, reply }).toEqual({ route, reply: true });
      const roles = Reflect.getMetadata(ROLES_KEY, handler);
      expect({ route, roles }).toEqual({ route, roles: HR_ONLY.includes(name) ? ['hr-manager'] : ANY_STAFF });
    }
  });

  it('HR-1 describes every path parameter', () => {
    for (const op of operations(document)) {
      for (const param of (op.parameters ?? []).filter((p) => p.in === 'path')) {
        expect({ route: op.route, param: param.name, described: Boolean(param.description) }).toEqual({ route: op.route, param: param.name, described: true });
      }
    }
  });

  it('HR-1 types every body property, nested ones included, and bounds every string input', () => {
    const schemas = (document.components?.schemas ?? {}) as Record<string, { properties?: Record<string, PropertySchema> }>;
    const inputs = Object.entries(schemas).filter(([name]) => name.endsWith('Dto'));
    expect(inputs.length).toBeGreaterThanOrEqual(12);
    for (const [name, schema] of inputs) {
      expect({ name, properties: Object.keys(schema.properties ?? {}).length > 0 }).toEqual({ name, properties: true });
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        expect({ field: `${name}.${property}`, documented: documentsItsBound(definition) }).toEqual({ field: `${name}.${property}`, documented: true });
      }
    }
  });

  it('HR-2 gives every operation with a body a documented DTO; the import takes text/csv', () => {
    for (const op of operations(document).filter((o) => o.requestBody && o.route !== IMPORT)) {
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      expect({ route: op.route, ref }).toEqual({ route: op.route, ref: expect.stringMatching(/Dto$/) });
    }
    const imports = operations(document).find((o) => o.route === IMPORT)!;
    expect(Object.keys(imports.requestBody?.content ?? {})).toEqual(['text/csv']);
    expect(imports.requestBody?.content['text/csv'].schema.type).toBe('string');
  });
});
