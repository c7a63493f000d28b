import {
  BadRequestException,
  HttpCode,
  Injectable,
  Module,
  Param,
  Post,
  UnauthorizedException,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { lastValueFrom, of } from 'rxjs';
import {
  ApiCommandCreated,
  ApiCommandOk,
  CommandController,
  CommandCtx,
  CommandReplyInterceptor,
  commandContextOf,
  writeCommandReply,
  type CommandContext,
  type CommandReply,
} from './command-edge';
import { platformValidationPipe } from './validation';

const actor = { userId: 'u-1', roles: ['office'] };

function recorder() {
  const headers: Record<string, string> = {};
  return { headers, header: (name: string, value: string) => (headers[name] = value) };
}

describe('commandContextOf', () => {
  it('takes the actor, the If-Match revision and the correlation id from the request', () => {
    const ctx = commandContextOf({ actor, headers: { 'if-match': '"3"', 'x-correlation-id': 'corr-1' } });
    expect(ctx).toEqual({ actor, ifMatch: 3, correlationId: 'corr-1' });
  });

  it('leaves absent or empty headers undefined', () => {
    expect(commandContextOf({ actor, headers: {} })).toEqual({ actor, ifMatch: undefined, correlationId: undefined });
    expect(commandContextOf({ actor, headers: { 'x-correlation-id': '  ' } }).correlationId).toBeUndefined();
  });

  it('uses the first of repeated headers', () => {
    const ctx = commandContextOf({ actor, headers: { 'if-match': ['W/"2"', '"5"'], 'x-correlation-id': ['a', 'b'] } });
    expect(ctx).toMatchObject({ ifMatch: 2, correlationId: 'a' });
  });

  it('refuses a malformed If-Match with 400 naming the header', () => {
    try {
      commandContextOf({ actor, headers: { 'if-match': 'latest' } });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toMatchObject({ field: 'If-Match' });
    }
  });

  it('refuses a request without an authenticated actor with 401', () => {
    expect(() => commandContextOf({ headers: {} })).toThrow(UnauthorizedException);
  });
});

describe('writeCommandReply', () => {
  const reply: CommandReply = { id: 't-1', revision: 2, position: 41, events: ['TicketTransferred'] };

  it('writes ETag and X-Position and answers the reply as the body', () => {
    const out = recorder();
    expect(writeCommandReply(out, reply)).toEqual(reply);
    expect(out.headers).toEqual({ ETag: '"2"', 'x-position': '41' });
  });

  it('sends location as the Location header only, keeping any further fields in the body', () => {
    const out = recorder();
    const body = writeCommandReply(out, { ...reply, version: 3, location: '/things/t-1' });
    expect(body).toEqual({ ...reply, version: 3 });
    expect(out.headers['Location']).toBe('/things/t-1');
  });
});

describe('CommandReplyInterceptor', () => {
  function run(result: unknown) {
    const out = recorder();
    const context = { switchToHttp: () => ({ getResponse: () => out }) } as unknown as ExecutionContext;
    const body = lastValueFrom(new CommandReplyInterceptor().intercept(context, { handle: () => of(result) }));
    return { out, body };
  }

  it('turns a command reply into headers and body', async () => {
    const { out, body } = run({ id: 'x', revision: 0, position: 7, events: ['Done'], location: '/x' });
    expect(await body).toEqual({ id: 'x', revision: 0, position: 7, events: ['Done'] });
    expect(out.headers).toEqual({ ETag: '"0"', 'x-position': '7', Location: '/x' });
  });

  it('passes anything else through untouched', async () => {
    const { out, body } = run({ status: 'ok' });
    expect(await body).toEqual({ status: 'ok' });
    expect(out.headers).toEqual({});
  });
});

@Injectable()
class HeaderActorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string>; actor?: unknown }>();
    if (request.headers['x-user']) request.actor = { userId: request.headers['x-user'], roles: [] };
    return true;
  }
}

@UseGuards(HeaderActorGuard)
@CommandController('things', 'things')
class ThingsController {
  @Post()
  @ApiCommandCreated()
  create(@CommandCtx() ctx: CommandContext): CommandReply {
    return { id: 'thing-1', revision: 0, position: 12, events: [`Created by ${ctx.actor.userId}`], location: '/things/thing-1' };
  }

  @Post(':thingId/touch')
  @HttpCode(200)
  @ApiCommandOk()
  touch(@Param('thingId') thingId: string, @CommandCtx() ctx: CommandContext): CommandReply {
    return { id: thingId, revision: (ctx.ifMatch ?? -1) + 1, position: 0, events: [] };
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('@CommandController over HTTP', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ThingsModule, new FastifyAdapter(), { logger: false });
    app.useGlobalPipes(platformValidationPipe());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('answers 201 with ETag, X-Position, Location and the body without location', async () => {
    const response = await app.inject({ method: 'POST', url: '/things', headers: { 'x-user': 'u-9' }, payload: {} });
    expect(response.statusCode).toBe(201);
    expect(response.headers['etag']).toBe('"0"');
    expect(response.headers['x-position']).toBe('12');
    expect(response.headers['location']).toBe('/things/thing-1');
    expect(response.json()).toEqual({ id: 'thing-1', revision: 0, position: 12, events: ['Created by u-9'] });
  });

  it("keeps @HttpCode's status and hands the If-Match revision to the handler", async () => {
    const response = await app.inject({ method: 'POST', url: '/things/t-2/touch', headers: { 'x-user': 'u-9', 'if-match': '"4"' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['etag']).toBe('"5"');
    expect(response.headers['x-position']).toBe('0');
    expect(response.headers['location']).toBeUndefined();
  });

  it('answers 400 for a malformed If-Match and 401 without an actor', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/things/t-2/touch', headers: { 'x-user': 'u-9', 'if-match': 'nope' } });
    expect(malformed.statusCode).toBe(400);
    const anonymous = await app.inject({ method: 'POST', url: '/things/t-2/touch' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('documents the reply schema, its headers, the request headers and the error shapes', () => {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    const create = document.paths['/things']?.post;
    const created = create?.responses['201'] as { content: Record<string, { schema: { $ref: string } }>; headers: Record<string, unknown> };
    expect(created.content['application/json'].schema.$ref).toBe('#/components/schemas/CommandReplySchema');
    expect(Object.keys(created.headers)).toEqual(['ETag', 'X-Position', 'Location']);
    expect(Object.keys(create?.responses ?? {})).toEqual(expect.arrayContaining(['400', '401', '403', '404', '409', '412', '422']));
    expect(create?.security).toEqual([{ bearer: [] }]);
    const headers = (create?.parameters ?? []).map((p) => ('name' in p ? p.name : ''));
    expect(headers).toEqual(expect.arrayContaining(['If-Match', 'X-Correlation-Id']));
    expect(document.components?.schemas?.['CommandReplySchema']).toMatchObject({ required: ['id', 'revision', 'position', 'events'] });
  });
});
