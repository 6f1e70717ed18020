import type { Matrix } from "./matrix.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";
import { solveCholesky } from "./solve-cholesky.js";
import { applyStandardizer, fitStandardizer, type Standardizer } from "./standardize.js";

/** Options of {@link fitLinearRegression}. */
export interface LinearRegressionOptions {
  /** Ridge strength, as sklearn's `Ridge(alpha=…)`: minimises `‖y − Xw − b‖² + α‖w‖²`. @default 1 */
  readonly alpha?: number;
  /** Standardize columns before fitting (coefficients are reported on the input scale). @default true */
  readonly standardize?: boolean;
}

/** A fitted ridge regression. */
export interface LinearRegressionModel {
  /** Coefficients on the input scale. */
  readonly coef: Float64Array;
  /** Intercept on the input scale. */
  readonly intercept: number;
  /** Predicted value for each row of `x` (no missing values). */
  predict(x: Matrix): Float64Array;
}

/**
 * Ridge regression by the normal equations on centred (and by default standardized)
 * columns; the intercept is not penalised. Matches sklearn's `Ridge` on the same design.
 */
export function fitLinearRegression(
  x: Matrix,
  y: NumericArray,
  options: LinearRegressionOptions = {},
): LinearRegressionModel {
  assertSameLength({ length: x.rows }, y, "fitLinearRegression");
  const alpha = options.alpha ?? 1;
  const std: Standardizer = fitStandardizer(x);
  const useStd = options.standardize !== false;
  // Always centre (that is how the unpenalised intercept is handled); scale only if asked.
  const scaler: Standardizer = useStd
    ? std
    : { mean: std.mean, scale: new Float64Array(x.cols).fill(1) };
  const xs = applyStandardizer(x, scaler);
  const { rows: n, cols: p, data } = xs;
  let ym = 0;
  for (let r = 0; r < n; r++) ym += y[r]!;
  ym /= n || 1;
  const a = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    const o = r * p;
    const yr = y[r]! - ym;
    for (let i = 0; i < p; i++) {
      const xi = data[o + i]!;
      b[i]! += xi * yr;
      const row = i * p;
      for (let j = 0; j <= i; j++) a[row + j]! += xi * data[o + j]!;
    }
  }
  for (let i = 0; i < p; i++) {
    a[i * p + i]! += alpha;
    for (let j = 0; j < i; j++) a[j * p + i] = a[i * p + j]!;
  }
  const w = p ? solveCholesky(a, b, p) : new Float64Array(0);
  const coef = new Float64Array(p);
  let intercept = ym;
  for (let j = 0; j < p; j++) {
    coef[j] = w[j]! / scaler.scale[j]!;
    intercept -= coef[j]! * scaler.mean[j]!;
  }
  return {
    coef,
    intercept,
    predict(m: Matrix): Float64Array {
      if (m.cols !== p) throw new RangeError(`predict: expected ${p} columns, got ${m.cols}`);
      const out = new Float64Array(m.rows);
      for (let r = 0; r < m.rows; r++) {
        let z = intercept;
        const o = r * p;
        for (let j = 0; j < p; j++) z += m.data[o + j]! * coef[j]!;
        out[r] = z;
      }
      return out;
    },
  };
}
