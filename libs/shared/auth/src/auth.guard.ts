import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiQuery } from '@nestjs/swagger';
import type { Actor } from '@ebp/shared-eventsourcing';
import type { Role } from './roles';
import { verifyToken } from './tokens';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export interface AuthOptions {
  secret: string;
}

const ROLES_KEY = 'ebp:roles';
const PUBLIC_KEY = 'ebp:public';
const TOKEN_IN_QUERY_KEY = 'ebp:token-in-query';
/** The query parameter @TokenInQuery routes take the bearer token from (RFC 6750 §2.3). */
export const ACCESS_TOKEN_PARAM = 'access_token';

/** Only callers holding one of these roles may use the endpoint. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);
/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/**
 * The route also takes the token as `?access_token=` (for EventSource, which cannot send headers);
 * the Authorization header wins when both are sent. Every other route takes the header only.
 */
export const TokenInQuery = () =>
  applyDecorators(
    SetMetadata(TOKEN_IN_QUERY_KEY, true),
    ApiQuery({ name: ACCESS_TOKEN_PARAM, required: false, type: String, description: 'The bearer token, for clients that cannot send an Authorization header (EventSource)' }),
  );

interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
  query?: Record<string, unknown>;
  actor?: Actor;
}

/** The authenticated caller; put in every event's metadata by the command layer. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<RequestWithActor>().actor;
  if (!actor) throw new UnauthorizedException('no authenticated actor');
  return actor;
});

/** Bearer JWT on every route not marked @Public; @Roles narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const inQuery = this.reflector.getAllAndOverride<boolean>(TOKEN_IN_QUERY_KEY, targets) ? this.queryToken(request) : undefined;
    if ((!value || !value.startsWith('Bearer ')) && inQuery === undefined) throw new UnauthorizedException('a Bearer token is required');
    const token = value && value.startsWith('Bearer ') ? value.slice(7).trim() : (inQuery ?? '');
    const actor = verifyToken(this.options.secret, token);
    if (!actor) throw new UnauthorizedException('the token is invalid or expired');
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !actor.roles.some((r) => (allowed as readonly string[]).includes(r))) {
      throw new ForbiddenException(`requires one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }

  /** Takes `access_token` off the query (it never reaches a handler, a DTO or a log of the query). */
  private queryToken(request: RequestWithActor): string | undefined {
    const query = request.query;
    if (!query || !(ACCESS_TOKEN_PARAM in query)) return undefined;
    const raw = query[ACCESS_TOKEN_PARAM];
    delete query[ACCESS_TOKEN_PARAM];
    const first = Array.isArray(raw) ? raw[0] : raw;
    return typeof first === 'string' && first.length > 0 ? first : undefined;
  }
}
