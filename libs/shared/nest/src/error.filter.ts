import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  DomainError,
  PreconditionFailedError,
  WrongExpectedRevisionError,
  type RefusalKind,
} from '@ebp/shared-eventsourcing';
import { CalendarUnknownError } from '@ebp/shared-kernel';

interface ReplyLike {
  status(code: number): ReplyLike;
  header(name: string, value: string): ReplyLike;
  send(body: unknown): void;
}

const STATUS: Record<RefusalKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Turns domain refusals and concurrency failures into 4xx bodies that name the rule or field. */
@Catch()
export class PlatformErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<ReplyLike>();
    const [status, body] = this.describe(error);
    reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private describe(error: unknown): [number, Record<string, unknown>] {
    if (error instanceof DomainError) {
      const status = STATUS[error.kind];
      return [status, { statusCode: status, error: error.kind, rule: error.rule, field: error.field, message: error.message }];
    }
    // A date the pinned official calendar does not cover yet: never guessed, refused as unprocessable.
    if (error instanceof CalendarUnknownError) {
      return [422, { statusCode: 422, error: 'calendar-unknown', message: error.message, date: error.date }];
    }
    if (error instanceof PreconditionFailedError) {
      return [412, { statusCode: 412, error: 'precondition-failed', message: error.message, currentRevision: error.actual }];
    }
    if (error instanceof WrongExpectedRevisionError || error instanceof ConcurrencyConflictError) {
      return [409, { statusCode: 409, error: 'concurrency-conflict', message: error.message }];
    }
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const body = typeof response === 'string' ? { statusCode: error.getStatus(), message: response } : response;
      return [error.getStatus(), body as Record<string, unknown>];
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return [500, { statusCode: 500, error: 'internal', message: 'internal error' }];
  }
}
