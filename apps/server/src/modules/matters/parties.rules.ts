// Masking of the sensitive numbers a party view shows to people whose role does not need them.

/** An ID number keeps its first and last four characters (3502**********1234); short ones keep one at each end. */
export function maskIdNumber(n: string): string {
  if (n.length >= 10) return `${n.slice(0, 4)}${'*'.repeat(n.length - 8)}${n.slice(-4)}`;
  if (n.length <= 2) return '*'.repeat(n.length);
  return `${n[0]}${'*'.repeat(n.length - 2)}${n[n.length - 1]}`;
}
