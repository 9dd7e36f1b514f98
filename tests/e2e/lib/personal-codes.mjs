// Estonian personal codes (isikukood) for test data: the check digit per proto-docs/domain.md ("Identity"),
// and a generator of many distinct valid codes so each test can have holders of its own.

const kFirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1];
const kSecondWeights = [3, 4, 5, 6, 7, 8, 9, 1, 2, 3];

function weightedSum(tenDigits, weights) {
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += Number(tenDigits[i]) * weights[i];
  return sum;
}

/** The check digit of the first ten digits of a personal code. */
export function checkDigit(tenDigits) {
  if (!/^[0-9]{10}$/.test(tenDigits)) throw new Error(`not ten digits: ${tenDigits}`);
  let check = weightedSum(tenDigits, kFirstWeights) % 11;
  if (check === 10) {
    check = weightedSum(tenDigits, kSecondWeights) % 11;
    if (check === 10) check = 0;
  }
  return check;
}

/** True when the code has 11 digits, a known century digit, a real birth date and the right check digit. */
export function isValidPersonalCode(code) {
  if (!/^[1-6][0-9]{10}$/.test(code)) return false;
  const century = 1800 + Math.floor((Number(code[0]) - 1) / 2) * 100;
  const year = century + Number(code.slice(1, 3));
  const month = Number(code.slice(3, 5));
  const day = Number(code.slice(5, 7));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  return checkDigit(code.slice(0, 10)) === Number(code[10]);
}

/** The date of birth a personal code carries, as YYYY-MM-DD. */
export function birthDateOf(code) {
  const century = 1800 + Math.floor((Number(code[0]) - 1) / 2) * 100;
  return `${century + Number(code.slice(1, 3))}-${code.slice(3, 5)}-${code.slice(5, 7)}`;
}

/** A code with the wrong check digit (everything else valid). */
export function withWrongCheckDigit(code) {
  return code.slice(0, 10) + String((Number(code[10]) + 1) % 10);
}

/**
 * `count` distinct valid personal codes. `seed` (0..999) picks a birth day so that different tests get
 * disjoint sets; the serial (3 digits) runs from 001 upwards.
 */
export function personalCodes(count, seed = 0) {
  if (count > 999) throw new Error('at most 999 codes per seed');
  const day = new Date(Date.UTC(1970, 0, 1) + (seed % 15000) * 86400000);
  const sexCentury = 3 + (Math.floor(seed / 15000) % 2); // 3 or 4: born in the 1900s
  const yymmdd =
    String(day.getUTCFullYear() % 100).padStart(2, '0') +
    String(day.getUTCMonth() + 1).padStart(2, '0') +
    String(day.getUTCDate()).padStart(2, '0');
  const codes = [];
  for (let serial = 1; serial <= count; serial += 1) {
    const ten = `${sexCentury}${yymmdd}${String(serial).padStart(3, '0')}`;
    codes.push(ten + String(checkDigit(ten)));
  }
  return codes;
}
