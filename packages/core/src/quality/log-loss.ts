import { assertSameLength, type NumericArray } from "./numeric-array.js";

/**
 * Mean binary cross-entropy in nats. Probabilities are clipped to [ε, 1−ε] with ε the
 * float64 machine epsilon, as `sklearn.metrics.log_loss` does since 1.5, so a confident
 * wrong prediction costs ≈ 36 nats instead of infinity.
 */
export function logLoss(labels: NumericArray, probabilities: NumericArray): number {
  assertSameLength(labels, probabilities, "logLoss");
  const n = labels.length;
  if (n === 0) return Number.NaN;
  const eps = Number.EPSILON;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]!));
    s -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / n;
}
