import 'reflect-metadata';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Actor } from '@ebp/shared-eventsourcing';
import { CurrentActor, Roles, TokenInQuery } from './auth.guard';
import { AuthModule } from './auth.module';
import { issueToken } from './tokens';

const SECRET = 'guard-spec';

@Controller()
class ProbeController {
  @Get('header-only')
  @Roles('finance')
  headerOnly(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Get('stream')
  @Roles('finance')
  @TokenInQuery()
  stream(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>) {
    return { actor, query };
  }
}

@Module({ imports: [AuthModule.forRoot({ secret: SECRET })], controllers: [ProbeController] })
class ProbeModule {}

describe('AuthGuard and @TokenInQuery', () => {
  let app: NestFastifyApplication;
  const finance = issueToken(SECRET, { userId: 'fin-1', roles: ['finance'] });
  const staff = issueToken(SECRET, { userId: 's-1', roles: ['staff'] });

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const get = (url: string, authorization?: string) => app.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

  it('takes ?access_token= only on routes marked @TokenInQuery, and takes it off the query', async () => {
    const ok = await get(`/stream?access_token=${finance}&x=1`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ actor: { userId: 'fin-1', roles: ['finance'] }, query: { x: '1' } });
    expect((await get(`/header-only?access_token=${finance}`)).statusCode).toBe(401);
    expect((await get('/header-only', `Bearer ${finance}`)).statusCode).toBe(200);
  });

  it('401 without a token or with a bad one, 403 for a role not allowed; the header wins over the query', async () => {
    expect((await get('/stream')).statusCode).toBe(401);
    expect((await get('/stream?access_token=')).statusCode).toBe(401);
    expect((await get('/stream?access_token=garbage')).statusCode).toBe(401);
    expect((await get(`/stream?access_token=${issueToken('other', { userId: 'x', roles: ['finance'] })}`)).statusCode).toBe(401);
    expect((await get(`/stream?access_token=${staff}`)).statusCode).toBe(403);
    expect((await get(`/stream?access_token=${finance}`, `Bearer ${staff}`)).statusCode).toBe(403);
    expect((await get(`/stream?access_token=${staff}`, `Bearer ${finance}`)).statusCode).toBe(200);
  });
});
