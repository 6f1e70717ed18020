import { stableOrder } from "../quality/average-ranks.js";
import { decileCalibration } from "../quality/decile-calibration.js";
import { fitGradientBoosting } from "../quality/fit-gradient-boosting.js";
import { fitLinearRegression } from "../quality/fit-linear-regression.js";
import { lorenzCurve, normalizedGini } from "../quality/normalized-gini.js";
import { fitFeaturePlan } from "../quality/prepare-features.js";
import { spearman } from "../quality/spearman.js";
import { topDecileShare } from "../quality/top-decile-share.js";
import { zeroShare } from "../quality/zero-share.js";
import type { BundleTask } from "../validation/bundle-tasks.js";
import { featureSignals } from "./feature-signal.js";
import { metric } from "./metric-value.js";
import type { TaskData } from "./task-data.js";
import type { RegressionTaskReport, RegressorMetrics, TargetDistribution } from "./types.js";

function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Distribution summary of a non-negative target, with a log-spaced histogram of non-zero values. */
export function targetDistribution(values: readonly number[]): TargetDistribution {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const nonZero = sorted.filter((v) => v > 0);
  const bins = 24;
  const histogram: { lo: number; hi: number; count: number }[] = [];
  if (nonZero.length) {
    const lmin = Math.log1p(nonZero[0]!);
    const lmax = Math.log1p(nonZero[nonZero.length - 1]!);
    const width = (lmax - lmin) / bins || 1;
    const counts = new Array<number>(bins).fill(0);
    for (const v of nonZero)
      counts[Math.min(bins - 1, Math.floor((Math.log1p(v) - lmin) / width))]!++;
    counts.forEach((count, b) => {
      histogram.push({
        lo: metric(Math.expm1(lmin + b * width)) ?? 0,
        hi: metric(Math.expm1(lmin + (b + 1) * width)) ?? 0,
        count,
      });
    });
  }
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    n,
    mean: metric(n ? sum / n : Number.NaN),
    median: metric(quantile(sorted, 0.5)),
    p90: metric(quantile(sorted, 0.9)),
    p99: metric(quantile(sorted, 0.99)),
    max: metric(n ? sorted[n - 1]! : Number.NaN),
    zeroShare: metric(zeroShare(sorted)),
    topDecileShare: metric(topDecileShare(sorted)),
    histogram,
  };
}

function regressorMetrics(
  actual: readonly number[],
  predicted: ArrayLike<number>,
): RegressorMetrics {
  const order = stableOrder(predicted, "desc");
  const k = Math.max(1, Math.round(actual.length / 10));
  let top = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    total += actual[i]!;
    if (i < k) top += actual[order[i]!]!;
  }
  return {
    spearman: metric(spearman(actual, predicted)),
    normalizedGini: metric(normalizedGini(actual, predicted)),
    deciles: decileCalibration(actual, predicted).map((d) => ({
      decile: d.decile,
      count: d.count,
      meanPredicted: metric(d.meanPredicted) ?? 0,
      meanActual: metric(d.meanActual) ?? 0,
    })),
    lorenz: lorenzCurve(actual, predicted, 20).map((p) => ({
      population: p.population,
      value: metric(p.value) ?? 0,
    })),
    top10Capture: metric(total > 0 ? top / total : Number.NaN),
  };
}

/**
 * A regression task's report section: ridge regression and gradient boosting (squared loss)
 * on log1p(target), trained on train, scored on test; predictions are mapped back with
 * expm1 and rescaled to the training mean for decile calibration. Spearman, normalized Gini, decile calibration, Lorenz
 * curves, the target's zero share and tail, the oracle when known, and feature signal.
 */
export function regressionTaskReport(options: {
  readonly task: BundleTask;
  readonly data: TaskData;
  readonly oracle: Float64Array | null;
}): RegressionTaskReport {
  const { task, data } = options;
  const roles = Object.fromEntries(data.features.map((f) => [f.name, "feature" as const]));
  const logY = data.trainY.map((v) => Math.log1p(Math.max(0, v)));
  const lin = fitFeaturePlan(data.train, { encoding: "one-hot", exclude: data.exclude, roles });
  const ord = fitFeaturePlan(data.train, { encoding: "ordinal", exclude: data.exclude, roles });
  // expm1 of a log-scale prediction estimates a geometric mean, far below the mean of a
  // zero-inflated target; rescale so the training predictions' mean matches the training
  // target mean (a one-number recalibration, fitted on train only; rankings unchanged).
  const trainMean = data.trainY.reduce((a, b) => a + b, 0) / (data.trainY.length || 1);
  const back = (trainPred: Float64Array, testPred: Float64Array) => {
    const up = (p: Float64Array) => p.map((v) => Math.max(0, Math.expm1(v)));
    const tp = up(trainPred);
    const m = tp.reduce((a, b) => a + b, 0) / (tp.length || 1);
    const scale = m > 0 ? trainMean / m : 1;
    return up(testPred).map((v) => v * scale);
  };
  const xl = lin.transform(data.train);
  const xo = ord.transform(data.train);
  const ridge = fitLinearRegression(xl, logY, { alpha: 1 });
  const gbm = fitGradientBoosting(xo, logY, { loss: "squared" });
  const models: Record<string, RegressorMetrics> = {
    linear_log1p: regressorMetrics(
      data.testY,
      back(ridge.predict(xl), ridge.predict(lin.transform(data.test))),
    ),
    gradient_boosting_log1p: regressorMetrics(
      data.testY,
      back(gbm.predict(xo), gbm.predict(ord.transform(data.test))),
    ),
  };
  if (options.oracle) models.oracle = regressorMetrics(data.testY, options.oracle);
  return {
    id: task.id,
    type: "regression",
    label: task.labelColumn,
    splits: data.splits,
    features: data.features.map((f) => f.name),
    trapColumns: data.features.filter((f) => f.role === "trap").map((f) => f.name),
    target: { train: targetDistribution(data.trainY), test: targetDistribution(data.testY) },
    models,
    perfectLorenz: lorenzCurve(data.testY, data.testY, 20).map((p) => ({
      population: p.population,
      value: metric(p.value) ?? 0,
    })),
    featureSignal: featureSignals({
      train: data.train,
      test: data.test,
      trainY: data.trainY,
      testY: data.testY,
      columns: data.features,
      task: "regression",
    }),
  };
}
