import { inForce, type PolicyHistory } from './policy-history';

describe('versioned policies', () => {
  it('SD-10 uses the policy version in force on the date asked about', () => {
    const history: PolicyHistory<{ isoWeekday: number; time: string }> = [
      { effectiveFrom: '2026-07-01', value: { isoWeekday: 5, time: '12:00' } },
      { effectiveFrom: '2000-01-01', value: { isoWeekday: 5, time: '14:00' } },
    ];
    expect(inForce(history, '2026-06-30').time).toBe('14:00');
    expect(inForce(history, '2026-07-01').time).toBe('12:00');
    expect(inForce(history, '2030-01-01').time).toBe('12:00');
    expect(() => inForce(history, '1999-12-31')).toThrow(/no policy version/);
  });
});
