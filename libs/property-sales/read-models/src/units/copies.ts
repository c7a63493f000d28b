import type { CopyRequirement, PaymentMethod, UnitType } from '@ebp/property-sales-domain';

/** PS-9: a contract's copy checklist: the documents and how many copies of each. */
export interface CopiesChecklist {
  contractId: string | null;
  unitId: string;
  paymentMethod: PaymentMethod;
  unitType: UnitType;
  items: CopyRequirement[];
  totalCopies: number;
}

export function checklistOf(items: readonly CopyRequirement[], ref: { contractId: string | null; unitId: string; paymentMethod: PaymentMethod; unitType: UnitType }): CopiesChecklist {
  return { ...ref, items: items.map((i) => ({ document: i.document, copies: i.copies })), totalCopies: items.reduce((n, i) => n + i.copies, 0) };
}
