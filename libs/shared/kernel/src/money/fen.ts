// Money is integer fen (分), never floating point (docs/architecture.md, "Time, calendar and money").
declare const FEN: unique symbol;

/** An amount of CNY in whole fen (1 yuan = 100 fen). */
export type Fen = number & { readonly [FEN]: true };

function whole(n: number, what: string): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number of fen, got ${n}`);
  return n as Fen;
}

/** Refuses fractions of a fen and amounts beyond exact integer range. */
export function fen(n: number): Fen {
  return whole(n, 'an amount');
}

export const ZERO_FEN: Fen = fen(0);

export function addFen(...amounts: readonly Fen[]): Fen {
  return whole(
    amounts.reduce((sum, amount) => sum + amount, 0),
    'a sum',
  );
}

export function subtractFen(from: Fen, amount: Fen): Fen {
  return whole(from - amount, 'a difference');
}

/** `amount × quantity` for a whole quantity (a fine per day times the days). */
export function multiplyFen(amount: Fen, quantity: number): Fen {
  if (!Number.isInteger(quantity)) throw new RangeError(`quantity must be a whole number, got ${quantity}`);
  return whole(amount * quantity, 'a product');
}

/** `amount × rate` rounded half away from zero to a whole fen (a percentage of a wage). */
export function scaleFen(amount: Fen, rate: number): Fen {
  if (!Number.isFinite(rate)) throw new RangeError(`rate must be a finite number, got ${rate}`);
  const exact = amount * rate;
  return whole(Math.sign(exact) * Math.round(Math.abs(exact)), 'a scaled amount');
}

/** `¥1,234.50`; negative amounts as `-¥1,234.50`. */
export function formatCny(amount: Fen): string {
  const abs = Math.abs(whole(amount, 'an amount'));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
