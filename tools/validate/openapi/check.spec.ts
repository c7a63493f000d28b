import 'reflect-metadata';
import { Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiQuery, ApiResponse, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { Public } from '@ebp/shared-auth';
import { checkOpenApi, formatReport, type OpenApiDocument, type RouteInfo } from './check';
import { collectRoutes, dtoProperties, openApiPath } from './routes';

const OPTIONS = { forbidNonWhitelisted: true, interceptorQueryParams: ['minPosition'], expectedOnQueries: [] };

const errorSchemas = {
  Error: { type: 'object', properties: { statusCode: {}, error: {}, message: {}, rule: {} } },
  ValidationError: { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { fields: { type: 'array' } } }] },
  PreconditionFailed: { allOf: [{ $ref: '#/components/schemas/Error' }, { type: 'object', properties: { currentRevision: { type: 'integer' } } }] },
  Ticket: { type: 'object', properties: { ticketId: { type: 'string' } } },
};
const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = { '400': json('ValidationError'), '401': json('Error'), '403': json('Error'), '409': json('Error'), '412': json('PreconditionFailed') };

function doc(paths: OpenApiDocument['paths']): OpenApiDocument {
  return { openapi: '3.0.0', paths, components: { schemas: errorSchemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } };
}

function route(partial: Partial<RouteInfo> & Pick<RouteInfo, 'method' | 'path'>): RouteInfo {
  return { handler: 'C.h', isPublic: false, pathParams: [], queryParams: [], opaqueQuery: [], readsRawRequest: false, ...partial };
}

const codes = (result: ReturnType<typeof checkOpenApi>, severity = 'error') =>
  result.operations.flatMap((o) => o.problems.filter((p) => p.severity === severity).map((p) => `${o.operation} ${p.code}`));

describe('checkOpenApi on a hand-made document', () => {
  const security = [{ bearer: [] }];

  it('passes a complete operation', () => {
    const result = checkOpenApi(
      doc({
        '/tickets/{ticketId}': {
          get: {
            parameters: [
              { name: 'ticketId', in: 'path', required: true },
              { name: 'include', in: 'query' },
            ],
            responses: { '200': json('Ticket'), ...errors },
            security,
          },
        },
      }),
      [route({ method: 'get', path: '/tickets/{ticketId}', pathParams: ['ticketId'], queryParams: [{ name: 'include', source: { kind: 'named' } }] })],
      OPTIONS,
    );
    expect(result.errors).toBe(0);
    expect(formatReport(result)).toMatch(/^openapi: valid — 1 operation\(s\)/m);
  });

  it('reports a 2xx without a schema and a query parameter the handler reads but the document lacks', () => {
    const result = checkOpenApi(
      doc({
        '/tickets': {
          get: {
            parameters: [{ name: 'page', in: 'query' }],
            responses: { '200': { description: 'no content' }, ...errors },
            security,
          },
        },
      }),
      [
        route({
          method: 'get',
          path: '/tickets',
          queryParams: [
            { name: 'page', source: { kind: 'dto', dto: 'ListDto' } },
            { name: 'status', source: { kind: 'dto', dto: 'ListDto' } },
          ],
        }),
      ],
      OPTIONS,
    );
    expect(codes(result)).toEqual(['GET /tickets no-2xx-schema', 'GET /tickets undeclared-query-param']);
    const report = formatReport(result);
    expect(report).toContain("'status' (@Query() ListDto)");
    expect(report).toMatch(/^openapi: INVALID/m);
  });

  it('reports missing security, undeclared path parameters, missing error responses and error shapes', () => {
    const result = checkOpenApi(
      doc({
        '/tickets/{ticketId}/resolve': {
          post: { responses: { '200': json('Ticket'), '400': json('Error'), '401': json('Error') } },
        },
      }),
      [route({ method: 'post', path: '/tickets/{ticketId}/resolve', pathParams: ['ticketId'] })],
      OPTIONS,
    );
    expect(codes(result).sort()).toEqual(
      [
        'POST /tickets/{ticketId}/resolve error-shape', // 400 without `fields`
        'POST /tickets/{ticketId}/resolve missing-error-response', // no 403
        'POST /tickets/{ticketId}/resolve no-security',
        'POST /tickets/{ticketId}/resolve undeclared-path-param',
      ].sort(),
    );
    expect(codes(result, 'warning')).toEqual(['POST /tickets/{ticketId}/resolve missing-command-error']);
  });

  it('lets a public route go without security and error responses; text responses need a string schema', () => {
    const result = checkOpenApi(
      doc({
        '/health': { get: { responses: { '200': json('Ticket') } } },
        '/report.csv': { get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'object' } } } }, ...errors }, security } },
      }),
      [route({ method: 'get', path: '/health', isPublic: true }), route({ method: 'get', path: '/report.csv' })],
      OPTIONS,
    );
    expect(codes(result)).toEqual(['GET /report.csv text-schema']);
  });

  it('reports a named query parameter a whole-query DTO refuses, a dangling $ref and a route the document lacks', () => {
    const result = checkOpenApi(
      doc({
        '/projects': {
          get: {
            parameters: [
              { name: 'page', in: 'query' },
              { name: 'customer', in: 'query' },
              { name: 'minPosition', in: 'query' },
            ],
            responses: { '200': json('Nope'), ...errors },
            security,
          },
        },
      }),
      [
        route({
          method: 'get',
          path: '/projects',
          queryParams: [
            { name: 'page', source: { kind: 'dto', dto: 'PageDto' } },
            { name: 'customer', source: { kind: 'named' } },
          ],
        }),
        route({ method: 'delete', path: '/projects/{projectId}', pathParams: ['projectId'] }),
      ],
      OPTIONS,
    );
    expect(codes(result).sort()).toEqual(['DELETE /projects/{projectId} undocumented-route', 'GET /projects dangling-ref', 'GET /projects query-refused']);
  });
});

// ---------------------------------------------------------------- against a small real Nest app --

class ListDto {
  @IsOptional() @IsInt() page?: number;
}
class FilteredListDto extends ListDto {
  @IsOptional() @IsString() status?: string;
}
class ItemSchema {
  @ApiProperty() id!: string;
}
class ErrorBody {
  @ApiProperty() statusCode!: number;
  @ApiProperty() error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ required: false }) rule?: string;
}

@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorBody })
@ApiResponse({ status: 403, type: ErrorBody })
@Controller('items')
class ItemsController {
  @Get()
  @ApiQuery({ name: 'page', required: false })
  list(@Query() q: FilteredListDto) {
    return q;
  }

  @Get(':itemId')
  @ApiOkResponse({ type: ItemSchema })
  one(@Param('itemId') itemId: string, @Query('expand') expand?: string) {
    return { itemId, expand };
  }

  @Post(':itemId/archive')
  archive(@Param('itemId') itemId: string) {
    return { itemId };
  }

  @Public()
  @Get('/health/live')
  @ApiOkResponse({ type: ItemSchema })
  live() {
    return { id: 'ok' };
  }
}

@Module({ controllers: [ItemsController] })
class ItemsModule {}

describe('collectRoutes + checkOpenApi against a Nest app', () => {
  it('reads query parameters from Nest metadata and class-validator, inherited DTO properties included', async () => {
    expect(dtoProperties(FilteredListDto).sort()).toEqual(['page', 'status']);
    expect(openApiPath('', 'items/', '/:itemId/archive')).toBe('/items/{itemId}/archive');

    const app = await NestFactory.create(ItemsModule, new FastifyAdapter(), { logger: false });
    try {
      await app.init();
      const routes = collectRoutes(app);
      expect(routes.map((r) => `${r.method} ${r.path}${r.isPublic ? ' public' : ''}`).sort()).toEqual(
        ['get /items', 'get /items/{itemId}', 'post /items/{itemId}/archive', 'get /items/health/live public'].sort(),
      );
      const one = routes.find((r) => r.path === '/items/{itemId}')!;
      expect(one.pathParams).toEqual(['itemId']);
      expect(one.queryParams).toEqual([{ name: 'expand', source: { kind: 'named' } }]);

      const document = SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build()) as unknown as OpenApiDocument;
      const result = checkOpenApi(document, routes, OPTIONS);
      // @nestjs/swagger documents @Param('x') and @Query('x') by itself; a @Query() DTO's fields only with @ApiProperty.
      expect(codes(result).sort()).toEqual(
        [
          'GET /items no-2xx-schema',
          'GET /items undeclared-query-param', // status, found through the DTO's base class
          'POST /items/{itemId}/archive no-2xx-schema',
          'POST /items/{itemId}/archive missing-error-response', // 400
        ].sort(),
      );
      const items = result.operations.find((o) => o.operation === 'GET /items')!;
      expect(items.problems.filter((p) => p.code === 'undeclared-query-param').map((p) => p.message)).toEqual([expect.stringContaining("'status'")]);
    } finally {
      await app.close();
    }
  });
});
