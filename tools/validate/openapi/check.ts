// The pure half of `npm run validate:openapi`: given an OpenAPI document (as served at /docs-json)
// and the routes Nest registered (read from its own metadata, see routes.ts), list every problem per
// operation. No Nest, no I/O: the spec next to this file feeds it hand-made inputs.

/** An OpenAPI 3 document, as loosely as JSON gives it. */
export interface OpenApiDocument {
  openapi?: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter>; responses?: Record<string, Response>; securitySchemes?: Record<string, SecurityScheme> };
  security?: Record<string, string[]>[];
}

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  [key: string]: unknown;
}

export interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
  required?: boolean;
  schema?: Schema;
}

export interface Response {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface SecurityScheme {
  type?: string;
  scheme?: string;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  responses?: Record<string, Response>;
  security?: Record<string, string[]>[];
}

/** Where a query parameter a handler reads comes from. */
export type QuerySource = { kind: 'named' } | { kind: 'dto'; dto: string };

/** One route as Nest registered it, with what its handler reads. */
export interface RouteInfo {
  /** Lower-case HTTP method, as the document's path item keys. */
  method: string;
  /** OpenAPI template: `/service-desk/tickets/{ticketId}`. */
  path: string;
  /** `Controller.method`, for the report. */
  handler: string;
  /** Marked @Public(): no token, so no security and no 401/403. */
  isPublic: boolean;
  /** Names given to @Param('name'). */
  pathParams: string[];
  /** Every query parameter the handler reads: @Query('name') and the properties of @Query() DTOs. */
  queryParams: { name: string; source: QuerySource }[];
  /** @Query() whole-object arguments whose properties are unknown (no DTO class with class-validator metadata). */
  opaqueQuery: string[];
  /** The handler takes the raw request (@Req()): it may read query parameters nobody can see. */
  readsRawRequest: boolean;
}

export interface CheckOptions {
  /** The global ValidationPipe refuses unknown properties: a @Query() DTO then refuses any parameter it lacks. */
  forbidNonWhitelisted: boolean;
  /** Query parameters read on every route by a global interceptor (minPosition, waitMs): documented by choice, never "not read". */
  interceptorQueryParams: string[];
  /** A query endpoint (GET) should document these interceptor parameters; missing → warning. */
  expectedOnQueries: string[];
}

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Stable short kind, counted in the summary. */
  code: string;
  message: string;
}

export interface OperationReport {
  /** `GET /service-desk/tickets`. */
  operation: string;
  handler?: string;
  isPublic: boolean;
  problems: Problem[];
}

export interface CheckResult {
  operations: OperationReport[];
  /** Problems not tied to one operation (e.g. the security scheme). */
  document: Problem[];
  errors: number;
  warnings: number;
  byCode: Record<string, number>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const COMMAND_METHODS = new Set(['post', 'put', 'patch', 'delete']);

export const DEFAULT_OPTIONS: CheckOptions = { forbidNonWhitelisted: true, interceptorQueryParams: [], expectedOnQueries: [] };

/** Every problem of the document against the routes. */
export function checkOpenApi(document: OpenApiDocument, routes: RouteInfo[], options: CheckOptions = DEFAULT_OPTIONS): CheckResult {
  const resolver = new Resolver(document);
  const documentProblems: Problem[] = [];
  const bearerSchemes = bearerSchemeNames(document, documentProblems);
  const operations: OperationReport[] = [];
  const seen = new Set<string>();

  for (const route of routes) {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const operation = document.paths?.[route.path]?.[route.method] as Operation | undefined;
    const report: OperationReport = { operation: key, handler: route.handler, isPublic: route.isPublic, problems: [] };
    operations.push(report);
    if (!operation) {
      error(report, 'undocumented-route', 'Nest serves this route but the document has no such operation (excluded, or the path differs)');
      continue;
    }
    checkOperation(report, operation, route, document, resolver, bearerSchemes, options);
  }

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of Object.keys(item ?? {})) {
      if (!HTTP_METHODS.includes(method)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const report: OperationReport = { operation: key, isPublic: false, problems: [] };
      operations.push(report);
      warn(report, 'operation-without-route', 'documented, but no Nest route serves it');
      checkOperation(report, item[method] as Operation, undefined, document, resolver, bearerSchemes, options);
    }
  }

  const all = [...documentProblems, ...operations.flatMap((o) => o.problems)];
  const byCode: Record<string, number> = {};
  for (const p of all) byCode[p.code] = (byCode[p.code] ?? 0) + 1;
  return {
    operations,
    document: documentProblems,
    errors: all.filter((p) => p.severity === 'error').length,
    warnings: all.filter((p) => p.severity === 'warning').length,
    byCode,
  };
}

function checkOperation(
  report: OperationReport,
  operation: Operation,
  route: RouteInfo | undefined,
  document: OpenApiDocument,
  resolver: Resolver,
  bearerSchemes: string[],
  options: CheckOptions,
): void {
  const method = report.operation.split(' ')[0].toLowerCase();
  const path = report.operation.slice(method.length + 1);
  const isPublic = route?.isPublic ?? false;
  const parameters = (operation.parameters ?? []).map((p) => resolver.parameter(p, report));
  const responses = operation.responses ?? {};

  checkSuccess(report, responses, resolver);
  checkSecurity(report, operation, document, bearerSchemes, isPublic);
  checkPathParameters(report, path, parameters, route);
  if (route) checkQueryParameters(report, parameters, route, options, method);
  checkErrors(report, responses, resolver, method, isPublic);
}

// -------------------------------------------------------------------------------------- 2xx --

function checkSuccess(report: OperationReport, responses: Record<string, Response>, resolver: Resolver): void {
  const success = Object.keys(responses).filter((code) => /^2(\d\d|XX)$/i.test(code));
  if (success.length === 0) {
    error(report, 'no-2xx', `no 2xx response documented (has ${Object.keys(responses).join(', ') || 'none'})`);
    return;
  }
  let withSchema = 0;
  for (const code of success) {
    const response = resolver.response(responses[code], report);
    const content = response?.content ?? {};
    const media = Object.keys(content);
    if (code === '204') {
      if (media.length) warn(report, 'body-on-204', '204 documents a body');
      withSchema++;
      continue;
    }
    if (media.length === 0) continue;
    let ok = true;
    for (const type of media) {
      const schema = content[type]?.schema;
      if (!schema || Object.keys(schema).length === 0) {
        error(report, 'no-2xx-schema', `${code} ${type} has no schema`);
        ok = false;
        continue;
      }
      resolver.checkRefs(schema, report, `${code} ${type}`);
      if (/^text\//.test(type)) {
        const resolved = resolver.schema(schema);
        if (resolved?.type !== 'string') {
          error(report, 'text-schema', `${code} ${type} needs a {type: string} schema, has ${describe(schema)}`);
          ok = false;
        }
      } else if (isOpaque(resolver.schema(schema))) {
        warn(report, 'opaque-2xx-schema', `${code} ${type} schema is a bare object: the client learns no field`);
      }
    }
    if (ok) withSchema++;
  }
  if (withSchema === 0) {
    const codes = success.join(', ');
    if (!report.problems.some((p) => p.code === 'no-2xx-schema' || p.code === 'text-schema')) {
      error(report, 'no-2xx-schema', `no 2xx response has a content schema (${codes} documented without content: add a response type or schema)`);
    }
  }
}

function isOpaque(schema: Schema | undefined): boolean {
  if (!schema) return false;
  const composite = schema.allOf || schema.oneOf || schema.anyOf || schema.$ref;
  return schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !composite;
}

// --------------------------------------------------------------------------------- security --

function bearerSchemeNames(document: OpenApiDocument, problems: Problem[]): string[] {
  const schemes = document.components?.securitySchemes ?? {};
  const bearer = Object.entries(schemes)
    .filter(([, s]) => s.type === 'http' && s.scheme?.toLowerCase() === 'bearer')
    .map(([name]) => name);
  if (bearer.length === 0) problems.push({ severity: 'error', code: 'no-bearer-scheme', message: 'components.securitySchemes has no http bearer scheme' });
  return bearer;
}

function checkSecurity(report: OperationReport, operation: Operation, document: OpenApiDocument, bearer: string[], isPublic: boolean): void {
  const security = operation.security ?? document.security;
  const schemes = document.components?.securitySchemes ?? {};
  const requirements = (security ?? []).filter((r) => Object.keys(r).length > 0);
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      if (!schemes[name]) error(report, 'unknown-security-scheme', `security names '${name}', which components.securitySchemes lacks`);
    }
  }
  if (isPublic) {
    if (requirements.length) warn(report, 'public-with-security', 'the route is @Public() but the document asks for a token');
    return;
  }
  if (!requirements.some((r) => Object.keys(r).some((name) => bearer.includes(name)))) {
    error(report, 'no-security', 'no bearer security requirement (add @ApiBearerAuth(), or mark the route @Public())');
  }
}

// ------------------------------------------------------------------------------- parameters --

function templateParams(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
}

function checkPathParameters(report: OperationReport, path: string, parameters: Parameter[], route: RouteInfo | undefined): void {
  const inTemplate = templateParams(path);
  const declared = parameters.filter((p) => p.in === 'path').map((p) => p.name ?? '');
  for (const name of inTemplate) {
    if (!declared.includes(name)) error(report, 'undeclared-path-param', `path parameter '${name}' is in the URL but not declared`);
  }
  for (const name of declared) {
    if (!inTemplate.includes(name)) error(report, 'unknown-path-param', `declares path parameter '${name}', which the URL lacks`);
  }
  for (const p of parameters.filter((x) => x.in === 'path')) {
    if (p.required !== true) error(report, 'optional-path-param', `path parameter '${p.name}' must be required: true`);
  }
  for (const name of route?.pathParams ?? []) {
    if (!inTemplate.includes(name)) error(report, 'handler-path-param', `the handler reads @Param('${name}'), which the URL does not have`);
  }
}

function checkQueryParameters(report: OperationReport, parameters: Parameter[], route: RouteInfo, options: CheckOptions, method: string): void {
  const declared = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name ?? ''));
  const read = new Map<string, QuerySource>();
  for (const q of route.queryParams) if (!read.has(q.name)) read.set(q.name, q.source);

  for (const [name, source] of read) {
    if (!declared.has(name)) {
      const how = source.kind === 'named' ? `@Query('${name}')` : `@Query() ${source.dto}`;
      error(report, 'undeclared-query-param', `the handler reads query parameter '${name}' (${how}) but the document does not declare it`);
    }
  }
  for (const dto of route.opaqueQuery) {
    error(report, 'opaque-query', `the handler reads the whole query as ${dto}, whose parameters cannot be known: use a DTO class with class-validator decorators`);
  }
  if (route.readsRawRequest) warn(report, 'raw-request', 'the handler takes the raw request (@Req()): query parameters it reads there cannot be checked');

  // With forbidNonWhitelisted a @Query() DTO sees the whole query string and refuses what it lacks.
  const dtos = [...new Set(route.queryParams.flatMap((q) => (q.source.kind === 'dto' ? [q.source.dto] : [])))];
  if (options.forbidNonWhitelisted && dtos.length) {
    const dtoProps = new Map(dtos.map((d) => [d, new Set(route.queryParams.filter((q) => q.source.kind === 'dto' && q.source.dto === d).map((q) => q.name))]));
    const everyName = new Set([...read.keys(), ...declared]);
    for (const name of everyName) {
      if (options.interceptorQueryParams.includes(name)) continue;
      for (const [dto, props] of dtoProps) {
        if (!props.has(name)) {
          error(report, 'query-refused', `query parameter '${name}' is ${read.has(name) ? 'read' : 'declared'} but @Query() ${dto} lacks it, so the validation pipe (forbidNonWhitelisted) answers 400 whenever it is sent`);
        }
      }
    }
  }

  for (const name of declared) {
    if (read.has(name) || options.interceptorQueryParams.includes(name)) continue;
    if (route.readsRawRequest || route.opaqueQuery.length) continue;
    warn(report, 'query-param-not-read', `declares query parameter '${name}', which the handler does not read`);
  }
  if (method === 'get' && !route.isPublic) {
    const missing = options.expectedOnQueries.filter((n) => !declared.has(n));
    if (missing.length) warn(report, 'undeclared-consistency-param', `${missing.join(', ')} (read by the consistency interceptor on every route) not declared: add @ReadsFrom(...)`);
  }
}

// ----------------------------------------------------------------------------------- errors --

/** What the platform's error filter answers, by status: the properties its schema must have. */
const ERROR_SHAPE: Record<string, string[]> = {
  '400': ['statusCode', 'error', 'message', 'fields'],
  '412': ['statusCode', 'error', 'message', 'currentRevision'],
  '503': ['statusCode', 'error', 'message', 'minPosition', 'reached'],
};
const FOUR_XX_SHAPE = ['statusCode', 'error', 'message', 'rule'];

function checkErrors(report: OperationReport, responses: Record<string, Response>, resolver: Resolver, method: string, isPublic: boolean): void {
  const codes = Object.keys(responses);
  const required = isPublic ? [] : COMMAND_METHODS.has(method) ? ['400', '401', '403'] : ['401', '403'];
  const missing = required.filter((c) => !codes.includes(c));
  if (missing.length) error(report, 'missing-error-response', `no ${missing.join(', ')} response documented`);
  if (!isPublic && COMMAND_METHODS.has(method)) {
    const soft = ['409', '412'].filter((c) => !codes.includes(c));
    if (soft.length) warn(report, 'missing-command-error', `command without ${soft.join(', ')} response`);
  }
  if (!isPublic && method === 'get' && !codes.includes('503')) {
    warn(report, 'missing-503', 'query endpoint without a 503 (read models not caught up to minPosition)');
  }

  for (const code of codes) {
    if (!/^[45]\d\d$/.test(code)) continue;
    const response = resolver.response(responses[code], report);
    const content = response?.content ?? {};
    const json = Object.entries(content).find(([type]) => /json/.test(type));
    if (!json || !json[1]?.schema) {
      error(report, 'error-without-schema', `${code} has no JSON schema`);
      continue;
    }
    resolver.checkRefs(json[1].schema, report, code);
    const shape = ERROR_SHAPE[code] ?? (code.startsWith('4') ? FOUR_XX_SHAPE : undefined);
    // A public route's 503 is its own (readiness), not the query error.
    if (!shape || (isPublic && code.startsWith('5'))) continue;
    const props = resolver.properties(json[1].schema);
    const absent = shape.filter((p) => !props.has(p));
    if (absent.length) error(report, 'error-shape', `${code} schema lacks ${absent.join(', ')} (the platform's error body has them)`);
  }
}

// --------------------------------------------------------------------------------- resolver --

class Resolver {
  constructor(private readonly document: OpenApiDocument) {}

  private target(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.document;
    for (const raw of ref.slice(2).split('/')) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  }

  parameter(p: Parameter, report: OperationReport): Parameter {
    if (!p.$ref) return p;
    const target = this.target(p.$ref) as Parameter | undefined;
    if (!target) error(report, 'dangling-ref', `parameter $ref ${p.$ref} resolves to nothing`);
    return target ?? {};
  }

  response(r: Response | undefined, report: OperationReport): Response | undefined {
    if (!r?.$ref) return r;
    const target = this.target(r.$ref) as Response | undefined;
    if (!target) error(report, 'dangling-ref', `response $ref ${r.$ref} resolves to nothing`);
    return target;
  }

  schema(s: Schema | undefined, depth = 0): Schema | undefined {
    if (!s || depth > 20) return s;
    if (s.$ref) return this.schema(this.target(s.$ref) as Schema | undefined, depth + 1);
    return s;
  }

  /** The property names of a schema, through $ref and allOf. */
  properties(s: Schema | undefined, depth = 0): Set<string> {
    const out = new Set<string>();
    const schema = this.schema(s);
    if (!schema || depth > 20) return out;
    for (const name of Object.keys(schema.properties ?? {})) out.add(name);
    for (const part of schema.allOf ?? []) for (const name of this.properties(part, depth + 1)) out.add(name);
    return out;
  }

  /** Reports every $ref under a schema that resolves to nothing. */
  checkRefs(s: unknown, report: OperationReport, where: string, seen = new Set<string>()): void {
    if (s === null || typeof s !== 'object') return;
    if (Array.isArray(s)) {
      for (const x of s) this.checkRefs(x, report, where, seen);
      return;
    }
    const node = s as Record<string, unknown>;
    if (typeof node['$ref'] === 'string') {
      const ref = node['$ref'];
      if (seen.has(ref)) return;
      seen.add(ref);
      const target = this.target(ref);
      if (target === undefined) error(report, 'dangling-ref', `${where}: $ref ${ref} resolves to nothing`);
      else this.checkRefs(target, report, where, seen);
      return;
    }
    for (const value of Object.values(node)) this.checkRefs(value, report, where, seen);
  }
}

function describe(schema: Schema): string {
  return schema.$ref ? schema.$ref : JSON.stringify(schema);
}

function error(report: OperationReport, code: string, message: string): void {
  report.problems.push({ severity: 'error', code, message });
}

function warn(report: OperationReport, code: string, message: string): void {
  report.problems.push({ severity: 'warning', code, message });
}

/** The grouped report: each operation with problems, then a summary line. */
export function formatReport(result: CheckResult, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  for (const p of result.document) lines.push(`  ${p.severity === 'error' ? 'ERROR' : 'warn '} [${p.code}] ${p.message}`);
  const sorted = [...result.operations].sort((a, b) => rank(b) - rank(a) || a.operation.localeCompare(b.operation));
  for (const op of sorted) {
    const errors = op.problems.filter((p) => p.severity === 'error');
    const warnings = op.problems.filter((p) => p.severity === 'warning');
    if (errors.length === 0 && (warnings.length === 0 || !options.verbose)) continue;
    lines.push(`${op.operation}${op.handler ? `  (${op.handler}${op.isPublic ? ', public' : ''})` : ''}`);
    for (const p of errors) lines.push(`  ERROR [${p.code}] ${p.message}`);
    if (options.verbose || errors.length) for (const p of warnings) lines.push(`  warn  [${p.code}] ${p.message}`);
  }
  const counts = Object.entries(result.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  const publicCount = result.operations.filter((o) => o.isPublic).length;
  const failing = result.operations.filter((o) => o.problems.some((p) => p.severity === 'error')).length;
  const verdict = result.errors === 0 ? 'valid' : 'INVALID';
  lines.push(
    `openapi: ${verdict} — ${result.operations.length} operation(s) (${publicCount} public), ${failing} failing; ${result.errors} error(s), ${result.warnings} warning(s)${counts ? ` [${counts}]` : ''}`,
  );
  return lines.join('\n');
}

function rank(op: OperationReport): number {
  return op.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
