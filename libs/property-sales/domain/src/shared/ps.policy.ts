import type { PolicyHistory } from '@ebp/shared-kernel';

export type UnitType = 'apartment' | 'villa';
export const UNIT_TYPES: readonly UnitType[] = ['apartment', 'villa'];
/** PS-3: 一次性付款, 商业贷款, 公积金贷款, 组合贷款. */
export type PaymentMethod = 'lump-sum' | 'commercial-mortgage' | 'provident-fund' | 'combined';
export const PAYMENT_METHODS: readonly PaymentMethod[] = ['lump-sum', 'commercial-mortgage', 'provident-fund', 'combined'];

/** PS-7: the eleven hands of a signing, in order, with the role each needs. */
export const SIGNING_STEPS = [
  { step: 'mortgage-documents-checked', role: 'salesperson' },
  { step: 'payment-and-signing-form', role: 'salesperson' },
  { step: 'agency-supervisor-review', role: 'agency-supervisor' },
  { step: 'customer-signature', role: 'salesperson' },
  { step: 'developer-finance-review', role: 'finance' },
  { step: 'online-filing', role: 'contract-administrator' },
  { step: 'salesperson-verification', role: 'salesperson' },
  { step: 'printing-and-binding', role: 'contract-administrator' },
  { step: 'site-supervisor-seal', role: 'site-supervisor' },
  { step: 'customer-copy-and-receipt', role: 'salesperson' },
  { step: 'archived-with-developer', role: 'contract-administrator' },
] as const;
export type SigningStep = (typeof SIGNING_STEPS)[number]['step'];
/** The step whose completion concludes the contract: the unit is contracted from then on. */
export const CONTRACT_CONCLUDED_AT: SigningStep = 'site-supervisor-seal';

/** One line of PS-9's copy table. */
export interface CopyRequirement {
  document: string;
  copies: number;
}

// Property sales' **Policy** values (docs/rules/property-sales.md, "Policies"), each versioned.
export interface PsPolicies {
  /** PS-1: a reservation holds the unit this many hours, then the unit is available again. */
  reservationHours: PolicyHistory<{ hours: number }>;
  /** PS-3: a discount above this share of the list price (basis points, 1 % = 100) needs the agency supervisor. */
  discountApprovalAbove: PolicyHistory<{ basisPoints: number }>;
  /** PS-4: signed subscriptions must be exported to the ERP and handed to the site manager by this local time the same day. */
  subscriptionHandoverBy: PolicyHistory<{ time: string }>;
  /** PS-6: the next day's signing list is due by this local time. */
  signingListBy: PolicyHistory<{ time: string }>;
  /** PS-7: the remaining copies are archived with the developer by this local time of the signing day. */
  archiveBy: PolicyHistory<{ time: string }>;
  /** PS-8: the fine per unit on the responsible salesperson, in fen. */
  signingErrorFineFen: PolicyHistory<{ fen: number }>;
  /** PS-10: the office day's deadlines (local times). */
  officeDay: PolicyHistory<{ attendanceBy: string; positionsAt: string; dayRecordsBefore: string }>;
  /** PS-9: copies per payment method and the documents every contract or a villa adds. */
  copies: PolicyHistory<{
    contractAndSupplement: Readonly<Record<PaymentMethod, number>>;
    everyContract: readonly CopyRequirement[];
    villa: readonly CopyRequirement[];
  }>;
}

const SINCE = '2000-01-01';

/** The regulation's values (服务项目管理制度4) and the platform's choices where it is silent. */
export const DEFAULT_PS_POLICIES: PsPolicies = {
  reservationHours: [{ effectiveFrom: SINCE, value: { hours: 24 } }],
  discountApprovalAbove: [{ effectiveFrom: SINCE, value: { basisPoints: 300 } }],
  subscriptionHandoverBy: [{ effectiveFrom: SINCE, value: { time: '23:59' } }],
  signingListBy: [{ effectiveFrom: SINCE, value: { time: '17:00' } }],
  archiveBy: [{ effectiveFrom: SINCE, value: { time: '17:00' } }],
  signingErrorFineFen: [{ effectiveFrom: SINCE, value: { fen: 20_000 } }],
  officeDay: [{ effectiveFrom: SINCE, value: { attendanceBy: '08:45', positionsAt: '09:00', dayRecordsBefore: '12:00' } }],
  copies: [
    {
      effectiveFrom: SINCE,
      value: {
        contractAndSupplement: { 'lump-sum': 3, 'commercial-mortgage': 5, 'provident-fund': 7, combined: 7 },
        everyContract: [
          { document: 'preliminary-property-management-agreement', copies: 3 },
          { document: 'decoration-rules', copies: 3 },
          { document: 'temporary-owners-convention', copies: 3 },
        ],
        villa: [{ document: 'garden-use-agreement', copies: 2 }],
      },
    },
  ],
};
