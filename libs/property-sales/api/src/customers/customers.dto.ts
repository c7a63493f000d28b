import { EntityId, OptionalText, Text } from '@ebp/shared-nest';
import { PS_CODE } from '../directory/sales-staff';

export class RegisterSalesCustomerDto {
  @Text(200, { description: "The visitor's name", example: '张伟' }) name!: string;
  @Text(40, {
    description:
      'PS-2 the phone number: spaces, dashes, dots and parentheses are ignored, +86 / 0086 / 86 removed; a mainland mobile 1xxxxxxxxxx or a landline 0xxx… (else 400 naming PS-2, field phone). Personal data: masked in views',
    example: '+86 138-1234-1234',
  })
  phone!: string;
  @OptionalText(20, { description: 'ID number (personal data: masked as first 3 + **** + last 4 in views)', example: '110101199001011234' }) idNumber?: string | null;
  @EntityId({ description: 'The project the visitor came to see', example: 'lakeside' }, PS_CODE) projectId!: string;
  @EntityId({ description: "The receiving salesperson's agency: the caller must be its member (else 403 naming PS-2)", example: 'sunrise' }, PS_CODE) agencyId!: string;
}
