import { ApiText } from '@ebp/shared-nest';
import type { HrPersonRef } from './person';

/** Who a row is about (no salary). */
export class HrPersonSchema implements HrPersonRef {
  @ApiText({ example: 'cs-li' }) staffId!: string;
  @ApiText() name!: string;
  @ApiText() position!: string;
  @ApiText() department!: string;
  @ApiText({ nullable: true }) managerId!: string | null;
}
