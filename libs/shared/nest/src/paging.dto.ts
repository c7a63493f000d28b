import { applyDecorators, type Type as ClassType } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath, type SchemaObject } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '@ebp/shared-kernel';

/**
 * `?page=&pageSize=` of every list endpoint, read with the kernel's `toSkipLimit` and answered
 * with `paged`. An endpoint with other limits subclasses it and redeclares `pageSize`.
 */
export class PageQueryDto implements PageRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1, description: '1-based page number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Items per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

/** The envelope of every paged reply (the kernel's `Paged<T>`); `items` is added per endpoint. */
export class PageSchema {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1, example: DEFAULT_PAGE_SIZE }) pageSize!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Matching items over all pages' }) total!: number;
}

/** 200 with `{ page, pageSize, total, items: [item] }`, plus any endpoint-specific properties. */
export function ApiOkPagedResponse(item: ClassType<unknown>, options: { description?: string; properties?: Record<string, SchemaObject> } = {}) {
  const extra = options.properties ?? {};
  return applyDecorators(
    ApiExtraModels(PageSchema, item),
    ApiOkResponse({
      description: options.description ?? `A page of ${item.name.replace(/Schema$/, '')}`,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageSchema) },
          {
            type: 'object',
            required: ['items', ...Object.keys(extra)],
            properties: { ...extra, items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
          },
        ],
      },
    }),
  );
}
