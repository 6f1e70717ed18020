import type { NumericArray } from "./numeric-array.js";

/** Share of values exactly equal to zero (the zero mass of a zero-inflated target). */
export function zeroShare(values: NumericArray): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let z = 0;
  for (let i = 0; i < n; i++) if (values[i] === 0) z++;
  return z / n;
}
