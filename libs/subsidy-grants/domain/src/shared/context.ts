/** Subsidy grants' streams follow the core convention `subsidy-grants.<aggregate>.<id>`. */
export const SG_CONTEXT = 'subsidy-grants';
