import { inForce } from '@ebp/shared-kernel';
import { DEFAULT_PS_POLICIES, type CopyRequirement, type PaymentMethod, type PsPolicies, type UnitType } from '../shared/ps.policy';

/** The sales contract with its supplement (商品房买卖合同及补充协议), bound as one set. */
export const SALES_CONTRACT_DOCUMENT = 'sales-contract-and-supplement';

/**
 * PS-9: a contract's copy checklist. The sales contract and supplement by payment method (lump
 * sum 3, commercial mortgage 5, provident-fund or combined 7), the documents every contract has
 * (3 each) and, for a villa, the garden use agreement (2) — the table of the policy in force on `date`.
 */
export function copiesChecklist(paymentMethod: PaymentMethod, unitType: UnitType, policies: PsPolicies = DEFAULT_PS_POLICIES, date = '9999-12-31'): CopyRequirement[] {
  const table = inForce(policies.copies, date);
  const copies = table.contractAndSupplement[paymentMethod];
  if (copies === undefined) throw new Error(`no copy count for payment method ${String(paymentMethod)}`);
  return [{ document: SALES_CONTRACT_DOCUMENT, copies }, ...table.everyContract.map((c) => ({ ...c })), ...(unitType === 'villa' ? table.villa.map((c) => ({ ...c })) : [])];
}
