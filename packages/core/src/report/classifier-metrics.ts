import { brierScore } from "../quality/brier-score.js";
import { calibrationBins } from "../quality/calibration-bins.js";
import { liftAt } from "../quality/lift-at.js";
import { logLoss } from "../quality/log-loss.js";
import { lorenzCurve } from "../quality/normalized-gini.js";
import { prAuc } from "../quality/pr-auc.js";
import { precisionAtK } from "../quality/precision-at-k.js";
import { rocAuc } from "../quality/roc-auc.js";
import { metric } from "./metric-value.js";
import type { ClassifierMetrics } from "./types.js";

/** K values for precision@K. */
export const PRECISION_KS = [50, 100, 500] as const;
/** Population shares of the lift curve. */
export const LIFT_CURVE_FRACTIONS = [
  0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
] as const;

/** Every classification metric of the report for one set of test probabilities. */
export function classifierMetrics(
  y: readonly number[],
  p: ArrayLike<number>,
  minBinSize: number,
): ClassifierMetrics {
  const cal = calibrationBins(y, p, { nBins: 10, minBinSize });
  return {
    rocAuc: metric(rocAuc(y, p)),
    prAuc: metric(prAuc(y, p)),
    brier: metric(brierScore(y, p)),
    logLoss: metric(logLoss(y, p)),
    precisionAtK: PRECISION_KS.filter((k) => k <= y.length).map((k) => ({
      k,
      value: metric(precisionAtK(y, p, k)),
    })),
    lift: {
      "1%": metric(liftAt(y, p, 0.01)),
      "5%": metric(liftAt(y, p, 0.05)),
      "10%": metric(liftAt(y, p, 0.1)),
    },
    calibration: {
      bins: cal.bins.map((b) => ({
        lo: b.lo,
        hi: b.hi,
        count: b.count,
        meanPredicted: metric(b.meanPredicted) ?? 0,
        observedRate: metric(b.observedRate) ?? 0,
      })),
      maxError: metric(cal.maxError),
      expectedError: metric(cal.expectedError),
    },
    gains: lorenzCurve(y, p, 20).map((g) => ({
      population: g.population,
      value: metric(g.value) ?? 0,
    })),
    liftCurve: LIFT_CURVE_FRACTIONS.map((f) => ({ fraction: f, lift: metric(liftAt(y, p, f)) })),
  };
}
