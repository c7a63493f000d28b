import type { PayElementKind } from '@ebp/hr-attendance-domain';
import { Fen, Month, OneOf, StaffId, Text } from '../shared/dto-fields';

export const PAY_ELEMENT_KINDS: readonly PayElementKind[] = ['commission', 'bonus'];

export class EnterPayElementDto {
  @StaffId({ description: 'A member of the caller\'s team' }) staffId!: string;
  @Month({ description: "The payslip month; a closed month's entry is carried to the next open one as an adjustment" }) month!: string;
  @OneOf(PAY_ELEMENT_KINDS) kind!: PayElementKind;
  @Fen(1, { description: 'HR-6 the amount in fen, added to the payslip', example: 50000 }) amountFen!: number;
  @Text(1000, { description: 'What it is for' }) reason!: string;
}
