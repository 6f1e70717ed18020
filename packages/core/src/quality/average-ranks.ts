import type { NumericArray } from "./numeric-array.js";

/**
 * 1-based ranks of `values` in ascending order, ties sharing the average of their ranks
 * (the "average" method of `scipy.stats.rankdata`). NaN is not expected here.
 */
export function averageRanks(values: NumericArray): Float64Array {
  const n = values.length;
  const order = stableOrder(values, "asc");
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i;
    const v = values[order[i]!]!;
    while (j + 1 < n && values[order[j + 1]!] === v) j++;
    // Positions i..j (0-based) share ranks i+1..j+1.
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = avg;
    i = j + 1;
  }
  return ranks;
}

/**
 * Indices that sort `values` ascending or descending; ties keep their original order, so
 * the result is deterministic (a stable sort, like `numpy.argsort(kind="stable")`).
 */
export function stableOrder(values: NumericArray, direction: "asc" | "desc"): Uint32Array {
  const n = values.length;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sign = direction === "asc" ? 1 : -1;
  // Typed-array sort is not guaranteed stable for comparators, so break ties by index.
  idx.sort((a, b) => {
    const d = (values[a]! - values[b]!) * sign;
    return d !== 0 ? d : a - b;
  });
  return idx;
}
