import type { Matrix } from "./matrix.js";

/** Largest number of bins for non-missing values; bin `MISSING_BIN` holds NaN. */
export const MAX_BINS = 255;
/** The bin index reserved for missing values. */
export const MISSING_BIN = 255;

/** Per-feature bin thresholds: value `x` falls in the first bin `b` with `x <= thresholds[b]`. */
export interface BinMapper {
  /** Thresholds per feature, ascending; `thresholds[j].length + 1` non-missing bins. */
  readonly thresholds: readonly Float64Array[];
}

/** Rows used to find thresholds (sklearn subsamples 2·10⁵ too); we take an even stride. */
const BINNING_SAMPLE = 200_000;

/**
 * Find bin thresholds like sklearn's `_BinMapper`: with at most `maxBins` distinct values,
 * the midpoints between consecutive distinct values; otherwise the `maxBins − 1` inner
 * percentiles (midpoint interpolation), de-duplicated. NaN is ignored here and mapped to
 * {@link MISSING_BIN}.
 */
export function fitBinMapper(x: Matrix, maxBins = MAX_BINS): BinMapper {
  const { rows: n, cols: p, data } = x;
  const stride = n > BINNING_SAMPLE ? n / BINNING_SAMPLE : 1;
  const thresholds: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const vals: number[] = [];
    for (let s = 0; s < n; s += stride) {
      const v = data[Math.floor(s) * p + j]!;
      if (!Number.isNaN(v)) vals.push(v);
    }
    const sorted = Float64Array.from(vals).sort();
    const distinct: number[] = [];
    for (let i = 0; i < sorted.length; i++)
      if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
    if (distinct.length <= maxBins) {
      const t = new Float64Array(Math.max(0, distinct.length - 1));
      for (let i = 0; i + 1 < distinct.length; i++) t[i] = (distinct[i]! + distinct[i + 1]!) / 2;
      thresholds.push(t);
    } else {
      const m = sorted.length;
      const out: number[] = [];
      for (let k = 1; k < maxBins; k++) {
        const pos = (k / maxBins) * (m - 1);
        const v = (sorted[Math.floor(pos)]! + sorted[Math.ceil(pos)]!) / 2;
        if (out.length === 0 || v !== out[out.length - 1]) out.push(v);
      }
      thresholds.push(Float64Array.from(out));
    }
  }
  return { thresholds };
}

/** Bin of one value for feature `j`. */
export function binValue(mapper: BinMapper, j: number, v: number): number {
  if (Number.isNaN(v)) return MISSING_BIN;
  const t = mapper.thresholds[j]!;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= t[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Bin a whole matrix into a feature-major byte array: feature `j`, row `r` at `j·rows + r`. */
export function binMatrix(mapper: BinMapper, x: Matrix): Uint8Array {
  const { rows: n, cols: p, data } = x;
  const out = new Uint8Array(n * p);
  for (let j = 0; j < p; j++) {
    const base = j * n;
    for (let r = 0; r < n; r++) out[base + r] = binValue(mapper, j, data[r * p + j]!);
  }
  return out;
}
