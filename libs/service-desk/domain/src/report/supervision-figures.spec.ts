import { median, rate } from './supervision-figures';

describe('SD-9 supervision figures', () => {
  it('SD-9 median of resolve durations: odd, even, empty', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 40, 20, 30])).toBe(25);
    expect(median([])).toBeNull();
  });

  it('SD-9 first-contact rate: part over whole, null with nothing resolved', () => {
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(0, 4)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });
});
