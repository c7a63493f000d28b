import { ApiParam } from '@nestjs/swagger';
import { MONTH_PATTERN } from '@ebp/shared-nest';
import { MONTH_ENTITY_ID_PATTERN, STAFF_ID_PATTERN } from './ids';

export const StaffIdParam = () =>
  ApiParam({ name: 'staffId', description: "The staff member's id (their login)", schema: { type: 'string', pattern: STAFF_ID_PATTERN.source, example: 'cs-li' } });

export const MonthParam = (description = 'Calendar month YYYY-MM (Asia/Shanghai)') =>
  ApiParam({ name: 'month', description, schema: { type: 'string', pattern: MONTH_PATTERN.source, example: '2026-03' } });

export const DateParam = (description: string) =>
  ApiParam({ name: 'date', description, schema: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', example: '2026-03-02' } });

/** Ids made by the API as `<YYYY-MM>.<staffId>.<8 hex>` (see the Location of the creating request). */
export const MonthEntityIdParam = (what: string) =>
  ApiParam({
    name: 'id',
    description: `The ${what}, as in the Location of its creation: <YYYY-MM>.<staffId>.<8 hex digits>`,
    schema: { type: 'string', pattern: MONTH_ENTITY_ID_PATTERN.source, example: '2026-03.cs-li.9f86d081' },
  });
