import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Actor } from '@ebp/shared-eventsourcing';
import type { Role } from './roles';
import { verifyToken } from './tokens';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export interface AuthOptions {
  secret: string;
}

const ROLES_KEY = 'ebp:roles';
const PUBLIC_KEY = 'ebp:public';

/** Only callers holding one of these roles may use the endpoint. */
export const Roles = (...roles: readonly Role[]) => SetMetadata(ROLES_KEY, roles);
/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

interface RequestWithActor {
  headers: Record<string, string | string[] | undefined>;
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
    if (!value || !value.startsWith('Bearer ')) throw new UnauthorizedException('a Bearer token is required');
    const actor = verifyToken(this.options.secret, value.slice(7).trim());
    if (!actor) throw new UnauthorizedException('the token is invalid or expired');
    request.actor = actor;
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !actor.roles.some((r) => (allowed as readonly string[]).includes(r))) {
      throw new ForbiddenException(`requires one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}
