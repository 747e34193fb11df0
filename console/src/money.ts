/**
 * Amounts are integers of minor units, carried as decimal strings (the API's form) and shown in major units with the
 * asset's decimals. Everything here is string and BigInt arithmetic: a floating-point number never holds an amount.
 */

const MINOR = /^-?\d{1,30}$/;

/** "123456", 2 -> "1,234.56"; "-5", 2 -> "-0.05". Anything that is not a whole number of minor units is shown as is. */
export function formatMinor(minor: string, decimals: number): string {
  if (!MINOR.test(minor) || !Number.isInteger(decimals) || decimals < 0 || decimals > 18) {
    return minor;
  }
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).replace(/^0+(?=\d)/, '').padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = decimals === 0 ? grouped : `${grouped}.${fraction}`;
  return negative && /[1-9]/.test(digits) ? `-${text}` : text;
}

/** The result of reading what a person typed as an amount in major units. */
export type ParsedAmount = { readonly ok: true; readonly minor: string } | { readonly ok: false; readonly why: string };

/**
 * "1,234.5", 2 -> {minor: "123450"}. Refuses a negative or zero amount, more fraction digits than the asset has, and
 * anything that is not a plain decimal number; the amount is exact or refused, never rounded.
 */
export function parseMajor(text: string, decimals: number): ParsedAmount {
  const plain = text.trim().replace(/,/g, '');
  const match = /^(\d{1,19})(?:\.(\d+))?$/.exec(plain);
  if (match === null) {
    return { ok: false, why: 'enter an amount such as 12.50' };
  }
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) {
    return { ok: false, why: `at most ${decimals} digits after the point for this asset` };
  }
  const minor = BigInt(match[1] + fraction.padEnd(decimals, '0'));
  if (minor <= 0n) {
    return { ok: false, why: 'the amount must be more than zero' };
  }
  if (minor > 9223372036854775807n) {
    return { ok: false, why: 'the amount is larger than the ledger holds' };
  }
  return { ok: true, minor: minor.toString() };
}
