/** Mainland mobile numbers as 11 digits; others keep their leading + and digits. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  if (/^\+?86\d{11}$/.test(digits)) return digits.slice(-11);
  return digits;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [name = '', domain = ''] = email.split('@');
  return `${name.slice(0, 1)}***@${domain}`;
}
