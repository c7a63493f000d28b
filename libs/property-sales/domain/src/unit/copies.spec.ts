import { DEFAULT_PS_POLICIES, type PsPolicies } from '../shared/ps.policy';
import { copiesChecklist } from './copies';

const common = [
  { document: 'preliminary-property-management-agreement', copies: 3 },
  { document: 'decoration-rules', copies: 3 },
  { document: 'temporary-owners-convention', copies: 3 },
];

describe('PS-9 copies checklist', () => {
  it.each([
    ['lump-sum', 3],
    ['commercial-mortgage', 5],
    ['provident-fund', 7],
    ['combined', 7],
  ] as const)('PS-9 an apartment paid by %s: the sales contract and supplement in %i copies, the other documents 3 each', (method, copies) => {
    expect(copiesChecklist(method, 'apartment')).toEqual([{ document: 'sales-contract-and-supplement', copies }, ...common]);
  });

  it('PS-9 a villa adds the garden use agreement in 2 copies', () => {
    expect(copiesChecklist('commercial-mortgage', 'villa')).toEqual([
      { document: 'sales-contract-and-supplement', copies: 5 },
      ...common,
      { document: 'garden-use-agreement', copies: 2 },
    ]);
  });

  it('PS-9 the table of the policy in force on the date', () => {
    const base = DEFAULT_PS_POLICIES.copies[0].value;
    const policies: PsPolicies = {
      ...DEFAULT_PS_POLICIES,
      copies: [...DEFAULT_PS_POLICIES.copies, { effectiveFrom: '2027-01-01', value: { ...base, contractAndSupplement: { ...base.contractAndSupplement, 'lump-sum': 4 } } }],
    };
    expect(copiesChecklist('lump-sum', 'apartment', policies, '2026-12-31')[0].copies).toBe(3);
    expect(copiesChecklist('lump-sum', 'apartment', policies, '2027-01-01')[0].copies).toBe(4);
  });
});
