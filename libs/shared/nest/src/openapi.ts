import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One failing field of a 400. */
export class FieldErrorSchema {
  @ApiProperty({ example: 'customerId' }) field!: string;
  @ApiProperty({ type: [String], example: ['customerId must be a string'] }) errors!: string[];
}

/** Every refusal: `error` is the kind, `rule` the rule ID it enforces, `field` the input at fault. */
export class ErrorSchema {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'rule', description: 'invalid | forbidden | not-found | conflict | rule | precondition-failed | concurrency-conflict | not-caught-up | …' })
  error!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ example: 'SD-3', description: 'The rule ID (docs/rules/<context>.md) that refused the command' }) rule?: string;
  @ApiPropertyOptional({ example: 'targetDepartment' }) field?: string;
}

/** 400: every failing field is listed. */
export class ValidationErrorSchema extends ErrorSchema {
  @ApiProperty({ type: [FieldErrorSchema] }) fields!: FieldErrorSchema[];
}

/** 412: the stream moved on since the client's `If-Match`. */
export class PreconditionFailedSchema extends ErrorSchema {
  @ApiProperty({ example: 4 }) currentRevision!: number;
}

/** 503: a query's read models did not reach the requested position in time. */
export class NotCaughtUpSchema extends ErrorSchema {
  @ApiProperty({ example: 1200, description: 'The requested minimum position' }) minPosition!: number;
  @ApiProperty({ example: 1187, description: 'The lowest position the read models had reached' }) reached!: number;
}

const common = [
  ApiBearerAuth(),
  ApiResponse({ status: 400, description: 'Invalid input: every failing field is listed', type: ValidationErrorSchema }),
  ApiResponse({ status: 401, description: 'No valid bearer token', type: ErrorSchema }),
  ApiResponse({ status: 403, description: 'The caller lacks the role', type: ErrorSchema }),
];

/** Security and the error shapes of a command endpoint. */
export const ApiCommandErrors = () =>
  applyDecorators(
    ...common,
    ApiResponse({ status: 404, description: 'Unknown entity', type: ErrorSchema }),
    ApiResponse({ status: 409, description: 'Conflict: already done, or a concurrent writer won', type: ErrorSchema }),
    ApiResponse({ status: 412, description: 'Stale If-Match', type: PreconditionFailedSchema }),
    ApiResponse({ status: 422, description: 'Refused by a business rule, named in `rule`', type: ErrorSchema }),
  );

/** Security and the error shapes of a query endpoint. */
export const ApiQueryErrors = () =>
  applyDecorators(
    ...common,
    ApiResponse({ status: 404, description: 'Not found', type: ErrorSchema }),
    ApiResponse({ status: 503, description: 'The read models did not reach minPosition in time (Retry-After set)', type: NotCaughtUpSchema }),
  );
