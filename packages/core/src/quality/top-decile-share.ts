import type { NumericArray } from "./numeric-array.js";

/**
 * Share of the total held by the largest 10% of values (`k = max(1, round(n/10))`): how
 * heavy the right tail is. NaN when the total is not positive.
 */
export function topDecileShare(values: NumericArray): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i]!;
  if (!(total > 0)) return Number.NaN;
  const k = Math.max(1, Math.round(n / 10));
  let top = 0;
  for (let i = n - k; i < n; i++) top += sorted[i]!;
  return top / total;
}
