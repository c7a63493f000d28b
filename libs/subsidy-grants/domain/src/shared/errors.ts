import { DomainError } from '@ebp/shared-eventsourcing';

/** One failing condition of SG-2 … SG-6 / SG-10, with a stable code. */
export interface SgFailure {
  rule: string;
  code: string;
  message: string;
  field?: string;
}

const ruleNumber = (rule: string): number => Number(rule.replace(/^\D+/, '')) || 0;

/**
 * SG-2 / SG-3 / SG-4 / SG-6: a refusal listing **every** failing condition, not only the first.
 * `rule` is the lowest-numbered rule among them (422); the message lists them all; `failures`
 * carries them for the response body.
 */
export class EligibilityRefused extends DomainError {
  readonly failures: readonly SgFailure[];
  readonly rules: readonly string[];

  constructor(failures: readonly SgFailure[], what = 'application refused') {
    if (failures.length === 0) throw new Error('EligibilityRefused needs at least one failure');
    const rules = [...new Set(failures.map((f) => f.rule))].sort((a, b) => ruleNumber(a) - ruleNumber(b));
    super(rules[0], `${what} (${failures.length} failing condition${failures.length === 1 ? '' : 's'}): ${failures.map((f) => `[${f.rule} ${f.code}] ${f.message}`).join('; ')}`, 'rule');
    this.name = 'EligibilityRefused';
    this.failures = failures;
    this.rules = rules;
  }
}
