import { ApiBool, ApiInstant, ApiNestedList, ApiText } from '@ebp/shared-nest';

export class PsDuplicateRegistrationSchema {
  @ApiText() name!: string;
  @ApiText() agencyId!: string;
  @ApiText() salespersonId!: string;
  @ApiText() projectId!: string;
  @ApiInstant() registeredAt!: string;
}

/** PS-2: a registered customer; phone and ID number masked for all but the owner, their supervisor and the site manager. */
export class PsCustomerSchema {
  @ApiText({ example: 'c-3f2a9c0d1e4b5a67' }) customerId!: string;
  @ApiText() name!: string;
  @ApiText({ description: 'Normalised (+86…) in clear, or masked (138****1234)', example: '138****1234' }) phone!: string;
  @ApiText({ nullable: true, description: 'In clear or masked (first 3 + **** + last 4)' }) idNumber!: string | null;
  @ApiText({ description: 'PS-2: the owning agency (first registration)' }) agencyId!: string;
  @ApiText({ description: 'PS-2: the owning salesperson' }) salespersonId!: string;
  @ApiText() projectId!: string;
  @ApiInstant() registeredAt!: string;
  @ApiNestedList(PsDuplicateRegistrationSchema, { description: 'PS-2: later registrations of the number, the owner unchanged' }) duplicates!: PsDuplicateRegistrationSchema[];
  @ApiBool({ description: 'Phone and ID number are masked for this reader' }) masked!: boolean;
}
