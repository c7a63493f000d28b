import type { PayElementKind } from '@ebp/hr-attendance-domain';
import { EntityId, Fen, Month, OneOf, Text } from '@ebp/shared-nest';
import { STAFF_ID } from '../shared/ids';

export const PAY_ELEMENT_KINDS: readonly PayElementKind[] = ['commission', 'bonus'];

export class EnterPayElementDto {
  @EntityId({ description: 'A member of the caller\'s team' }, STAFF_ID) staffId!: string;
  @Month({ description: "The payslip month; a closed month's entry is carried to the next open one as an adjustment" }) month!: string;
  @OneOf(PAY_ELEMENT_KINDS) kind!: PayElementKind;
  @Fen(1, { description: 'HR-6 the amount in fen, added to the payslip', example: 50000 }) amountFen!: number;
  @Text(1000, { description: 'What it is for' }) reason!: string;
}
