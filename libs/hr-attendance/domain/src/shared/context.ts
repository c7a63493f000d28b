/** HR's streams follow the core convention `hr-attendance.<aggregate>.<id>`. */
export const HR_CONTEXT = 'hr-attendance';
