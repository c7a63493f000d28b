import { addFen, fen, formatCny, multiplyFen, scaleFen, subtractFen, ZERO_FEN } from './fen';

describe('money in integer fen (docs/architecture.md, "Time, calendar and money")', () => {
  it('refuses fractions of a fen and unsafe amounts', () => {
    expect(fen(123450)).toBe(123450);
    expect(() => fen(12.5)).toThrow(RangeError);
    expect(() => fen(Number.NaN)).toThrow(RangeError);
    expect(() => fen(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });

  it('formats CNY with thousands separators and two decimals', () => {
    expect(formatCny(fen(123450))).toBe('¥1,234.50');
    expect(formatCny(fen(1000))).toBe('¥10.00');
    expect(formatCny(fen(5))).toBe('¥0.05');
    expect(formatCny(ZERO_FEN)).toBe('¥0.00');
    expect(formatCny(fen(123456789012))).toBe('¥1,234,567,890.12');
    expect(formatCny(fen(-123450))).toBe('-¥1,234.50');
  });

  it('adds, subtracts and multiplies without leaving whole fen', () => {
    expect(addFen(fen(10), fen(20), fen(30))).toBe(60);
    expect(addFen()).toBe(0);
    expect(subtractFen(fen(1000), fen(1))).toBe(999);
    expect(multiplyFen(fen(1000), 3)).toBe(3000);
    expect(() => multiplyFen(fen(1000), 1.5)).toThrow(RangeError);
    expect(() => multiplyFen(fen(Number.MAX_SAFE_INTEGER), 2)).toThrow(RangeError);
  });

  it('scales by a rate, rounding half away from zero to a whole fen', () => {
    expect(scaleFen(fen(1001), 0.5)).toBe(501);
    expect(scaleFen(fen(-1001), 0.5)).toBe(-501);
    expect(scaleFen(fen(333), 0.1)).toBe(33);
    expect(Number.isInteger(scaleFen(fen(1), 1 / 3))).toBe(true);
    expect(() => scaleFen(fen(1), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
