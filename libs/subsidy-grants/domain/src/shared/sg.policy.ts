import type { PolicyHistory } from '@ebp/shared-kernel';

/** SG-1: the five support categories of 第二条. */
export const SG_CATEGORIES = ['innovation-capability', 'software-industrialisation', 'digital-content', 'public-service-platform', 'pilot-demonstration'] as const;
export type SgCategory = (typeof SG_CATEGORIES)[number];

/** SG-1 / SG-7: 补助 or 奖励. */
export const SG_FORMS = ['subsidy', 'reward'] as const;
export type SgForm = (typeof SG_FORMS)[number];

/** SG-4: the materials of 第六条 (1)–(6); the two tax registrations (地税、国税登记证) are separate certificates. */
export const ATTACHMENT_KINDS = [
  'application-form',
  'feasibility-study',
  'business-licence',
  'local-tax-registration',
  'national-tax-registration',
  'bank-loan-contract',
  'loan-commitment',
  'qualification-certificate',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** SG-2: main business of the unit. */
export const MAIN_BUSINESSES = ['software', 'information-services', 'other'] as const;
export type MainBusiness = (typeof MAIN_BUSINESSES)[number];

/** SG-2: the declarations of 第四条 2–3. */
export const DECLARATIONS = ['equipment', 'staff', 'qualityAssurance', 'premises', 'clearOwnership', 'financialManagement', 'goodCredit'] as const;
export type Declaration = (typeof DECLARATIONS)[number];

// Subsidy grants' **Policy** values, each versioned (effective from an Asia/Shanghai date).
export interface SgPolicies {
  /** SG-1: the default deadlines of a call of year Y: `Y-<submission>` and `Y-<completion>` (MM-DD); a call may set its own. */
  deadlines: PolicyHistory<{ submission: string; completion: string }>;
  /** SG-4: required attachments, those required only with bank loans, and the optional ones. */
  attachments: PolicyHistory<{ required: readonly AttachmentKind[]; withBankLoans: readonly AttachmentKind[]; optional: readonly AttachmentKind[] }>;
  /** SG-4: the upload limits. */
  attachmentLimits: PolicyHistory<{ maxSizeBytes: number; mimeTypes: readonly string[] }>;
  /** SG-2: the fund's region: division codes under the province prefix, minus the excluded prefixes. */
  region: PolicyHistory<{ provincePrefix: string; excludedPrefixes: readonly string[] }>;
  /** SG-7: the expert scoring criteria, each scored `min`…`max`; an expert's total is their sum. */
  scoring: PolicyHistory<{ criteria: readonly string[]; min: number; max: number }>;
}

const SINCE = '2000-01-01';

/** The regulation's values (服务项目管理制度3) and the platform's choices where it is silent. */
export const DEFAULT_SG_POLICIES: SgPolicies = {
  deadlines: [{ effectiveFrom: SINCE, value: { submission: '06-30', completion: '12-31' } }],
  attachments: [
    {
      effectiveFrom: SINCE,
      value: {
        required: ['application-form', 'feasibility-study', 'business-licence', 'local-tax-registration', 'national-tax-registration'],
        withBankLoans: ['bank-loan-contract', 'loan-commitment'],
        optional: ['qualification-certificate', 'other'],
      },
    },
  ],
  attachmentLimits: [
    {
      effectiveFrom: SINCE,
      value: {
        maxSizeBytes: 20 * 1024 * 1024,
        mimeTypes: [
          'application/pdf',
          'image/jpeg',
          'image/png',
          'application/msword',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'application/vnd.ms-excel',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        ],
      },
    },
  ],
  region: [{ effectiveFrom: SINCE, value: { provincePrefix: '33', excludedPrefixes: ['3302'] } }],
  scoring: [{ effectiveFrom: SINCE, value: { criteria: ['innovation', 'feasibility', 'benefit', 'team'], min: 0, max: 100 } }],
};
