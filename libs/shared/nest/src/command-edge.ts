import {
  Controller,
  HttpStatus,
  Injectable,
  UnauthorizedException,
  UseInterceptors,
  applyDecorators,
  createParamDecorator,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiResponse, ApiTags, type HeadersObject } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import type { Actor } from '@ebp/shared-eventsourcing';
import { POSITION_HEADER } from './consistency';
import { ApiCommandErrors } from './openapi';
import { etagOf, parseIfMatch } from './revision-headers';

/** What a command endpoint hands to its application layer: who asks, on which revision, in which conversation. */
export interface CommandContext {
  actor: Actor;
  ifMatch?: number;
  correlationId?: string;
}

/** What a command returns; the edge turns it into headers and a body (docs/architecture.md, Read-your-writes). */
export interface CommandReply {
  id: string;
  /** Stream revision after the command: the ETag. */
  revision: number;
  /** Global event-store position of the command's last event; 0 = nothing appended. */
  position: number;
  events: string[];
  /** Sent as the Location header, never in the body. */
  location?: string;
}

export type CommandReplyBody<R extends CommandReply = CommandReply> = Omit<R, 'location'>;

export interface CommandRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

interface HeaderWriter {
  header(name: string, value: string): unknown;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

/** The actor the auth guard put on the request (401 without one), If-Match (400 when malformed) and X-Correlation-Id. */
export function commandContextOf(request: CommandRequest): CommandContext {
  if (!request.actor) throw new UnauthorizedException('no authenticated actor');
  return {
    actor: request.actor,
    ifMatch: parseIfMatch(request.headers['if-match']),
    correlationId: firstValue(request.headers['x-correlation-id'])?.trim() || undefined,
  };
}

/** The command's context from the request; the one edge parameter of every command endpoint. */
export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest<CommandRequest>()),
);

export function isCommandReply(value: unknown): value is CommandReply {
  if (typeof value !== 'object' || value === null) return false;
  const reply = value as Partial<CommandReply>;
  return typeof reply.id === 'string' && typeof reply.revision === 'number' && typeof reply.position === 'number' && Array.isArray(reply.events);
}

/** Writes ETag, X-Position and Location; the body is the reply without `location`. */
export function writeCommandReply<R extends CommandReply>(reply: HeaderWriter, result: R): CommandReplyBody<R> {
  reply.header('ETag', etagOf(result.revision));
  reply.header(POSITION_HEADER, String(result.position));
  if (result.location) reply.header('Location', result.location);
  return Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'location')) as CommandReplyBody<R>;
}

/** Turns a handler's CommandReply into the HTTP reply; the status stays @HttpCode's or Nest's default. */
@Injectable()
export class CommandReplyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<HeaderWriter>();
    return next.handle().pipe(map((result: unknown) => (isCommandReply(result) ? writeCommandReply(reply, result) : result)));
  }
}

export class CommandReplySchema {
  @ApiProperty({ example: '6f1c2b9e-3d4a-4e8f-9b1a-2c3d4e5f6a7b', description: 'The entity the command addressed or created' })
  id!: string;
  @ApiProperty({ type: 'integer', example: 0, description: 'Stream revision after the command (also the ETag); send it back as If-Match' })
  revision!: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 1287,
    description: "Global event-store position of the command's last event (also X-Position); 0 = nothing appended. Pass it as a query's minPosition to read your write",
  })
  position!: number;
  @ApiProperty({ type: [String], example: ['TicketRegistered'], description: 'Types of the events the command appended, in order' })
  events!: string[];
}

const ETAG_HEADER: HeadersObject = { ETag: { description: 'Stream revision after the command, e.g. "3"', schema: { type: 'string' } } };
const POSITION_HEADER_DOC: HeadersObject = {
  'X-Position': { description: "Global event-store position of the command's last event; 0 = nothing appended", schema: { type: 'integer' } },
};
const LOCATION_HEADER: HeadersObject = { Location: { description: 'URL of the created resource, when it has one', schema: { type: 'string' } } };

/** 201 of a command endpoint (POST without @HttpCode). */
export const ApiCommandCreated = (type: new () => CommandReplySchema = CommandReplySchema) =>
  ApiResponse({
    status: HttpStatus.CREATED,
    description: 'Accepted: the events were appended (or none were needed)',
    type,
    headers: { ...ETAG_HEADER, ...POSITION_HEADER_DOC, ...LOCATION_HEADER },
  });

/** 200 of a command endpoint (@HttpCode(200), PUT, DELETE). */
export const ApiCommandOk = (type: new () => CommandReplySchema = CommandReplySchema) =>
  ApiResponse({
    status: HttpStatus.OK,
    description: 'Accepted: the events were appended (or none were needed)',
    type,
    headers: { ...ETAG_HEADER, ...POSITION_HEADER_DOC },
  });

/** A controller of command endpoints: the reply interceptor, security, error shapes and the request headers, once. */
export const CommandController = (path: string, tag: string) =>
  applyDecorators(
    Controller(path),
    UseInterceptors(CommandReplyInterceptor),
    ApiTags(tag),
    ApiCommandErrors(),
    ApiHeader({ name: 'If-Match', required: false, description: 'Stream revision (ETag) the change is based on; stale → 412' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: "Carried into every event's metadata; one is generated when absent" }),
  );
