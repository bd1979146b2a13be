/**
 * The NHS number's modulus-11 check: the first nine digits weighted 10 down to 2, the check digit
 * is 11 minus the sum's remainder by 11; 11 means 0, and 10 means no number was ever issued.
 */
export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits[9];
}
