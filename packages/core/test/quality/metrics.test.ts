import { describe, expect, it } from "vitest";
import { brierScore } from "../../src/quality/brier-score.js";
import { calibrationBins } from "../../src/quality/calibration-bins.js";
import { decileCalibration } from "../../src/quality/decile-calibration.js";
import { liftAt } from "../../src/quality/lift-at.js";
import { logLoss } from "../../src/quality/log-loss.js";
import { lorenzCurve, normalizedGini } from "../../src/quality/normalized-gini.js";
import { prAuc } from "../../src/quality/pr-auc.js";
import { precisionAtK } from "../../src/quality/precision-at-k.js";
import { rocAuc } from "../../src/quality/roc-auc.js";
import { spearman } from "../../src/quality/spearman.js";
import { topDecileShare } from "../../src/quality/top-decile-share.js";
import { zeroShare } from "../../src/quality/zero-share.js";

describe("rocAuc", () => {
  it("counts concordant pairs, ties as half", () => {
    // Positives 0.8, 0.4; negatives 0.4, 0.1. Pairs: (0.8>0.4) 1, (0.8>0.1) 1, (0.4=0.4) ½, (0.4>0.1) 1 → 3.5/4.
    expect(rocAuc([1, 0, 1, 0], [0.8, 0.4, 0.4, 0.1])).toBeCloseTo(0.875, 12);
  });
  it("is 1 for a perfect ranking, 0 for a reversed one, NaN for one class", () => {
    expect(rocAuc([0, 0, 1, 1], [1, 2, 3, 4])).toBe(1);
    expect(rocAuc([1, 1, 0, 0], [1, 2, 3, 4])).toBe(0);
    expect(rocAuc([1, 1], [1, 2])).toBeNaN();
  });
});

describe("prAuc (average precision)", () => {
  it("sums precision at each recall step", () => {
    // Ranked: 1,0,1,0 → AP = ½·1 + ½·(2/3).
    expect(prAuc([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.1])).toBeCloseTo(0.5 + 1 / 3, 12);
  });
  it("treats tied scores as one threshold", () => {
    // All tied: a single point with precision ½ and recall 1.
    expect(prAuc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBeCloseTo(0.5, 12);
    expect(prAuc([0, 0], [0.1, 0.2])).toBeNaN();
  });
});

describe("probability losses", () => {
  it("brier is the mean squared error", () => {
    expect(brierScore([1, 0], [0.8, 0.4])).toBeCloseTo((0.04 + 0.16) / 2, 12);
  });
  it("log loss is the mean cross-entropy and stays finite at 0/1", () => {
    expect(logLoss([1, 0], [0.8, 0.4])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });
});

describe("ranking metrics", () => {
  const y = [1, 0, 0, 1, 0, 0, 0, 0, 0, 1];
  const s = [0.9, 0.85, 0.2, 0.8, 0.1, 0.3, 0.05, 0.4, 0.15, 0.35];
  it("precision@k takes the top k by score", () => {
    expect(precisionAtK(y, s, 1)).toBe(1);
    expect(precisionAtK(y, s, 3)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK(y, s, 11)).toBeNaN();
  });
  it("precision@k breaks ties by row order (stable)", () => {
    expect(precisionAtK([0, 1], [0.5, 0.5], 1)).toBe(0);
  });
  it("lift@fraction divides the top rate by the base rate", () => {
    // Base 0.3; top 10% = 1 row (positive) → 1/0.3; top 30% = 3 rows (2 positive) → (2/3)/0.3.
    expect(liftAt(y, s, 0.1)).toBeCloseTo(1 / 0.3, 12);
    expect(liftAt(y, s, 0.3)).toBeCloseTo(2 / 3 / 0.3, 12);
    expect(liftAt([0, 0], [1, 2], 0.5)).toBeNaN();
  });
});

describe("calibrationBins", () => {
  it("bins by predicted probability and reports the gap", () => {
    const p = [0.05, 0.05, 0.95, 0.95];
    const y = [0, 1, 1, 1];
    const r = calibrationBins(y, p, { nBins: 10, minBinSize: 1 });
    expect(r.bins.map((b) => [b.lo, b.hi, b.count])).toEqual([
      [0, 0.1, 2],
      [0.9, 1, 2],
    ]);
    expect(r.bins[0]!.observedRate).toBe(0.5);
    expect(r.maxError).toBeCloseTo(0.45, 12);
    expect(r.expectedError).toBeCloseTo(0.25, 12);
  });
  it("merges bins smaller than the minimum into their neighbour", () => {
    const p = [0.05, 0.06, 0.07, 0.55, 0.99];
    const y = [0, 0, 1, 1, 1];
    const r = calibrationBins(y, p, { nBins: 10, minBinSize: 3 });
    // [0,0.1) has 3 rows; 0.55 and 0.99 (2 rows) cannot stand alone and join it.
    expect(r.bins).toHaveLength(1);
    expect(r.bins[0]!.count).toBe(5);
    const r2 = calibrationBins(y, p, { nBins: 10, minBinSize: 2 });
    expect(r2.bins.map((b) => [b.lo, b.hi, b.count])).toEqual([
      [0, 0.1, 3],
      [0.5, 1, 2],
    ]);
  });
  it("puts p = 1 in the last bin", () => {
    expect(calibrationBins([1], [1], { minBinSize: 1 }).bins[0]!.hi).toBe(1);
  });
});

describe("regression metrics", () => {
  it("spearman uses average ranks", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    // x ranks 1,2,3 ; y ranks 1.5,1.5,3 → pearson of those.
    const r = spearman([1, 2, 3], [5, 5, 9]);
    expect(r).toBeCloseTo(0.8660254037844387, 12);
  });
  it("normalized gini is 1 for a perfect order and lorenz ends at 1", () => {
    const a = [0, 0, 1, 5, 10];
    expect(normalizedGini(a, [1, 2, 3, 4, 5])).toBeCloseTo(1, 12);
    expect(normalizedGini(a, [5, 4, 3, 2, 1])).toBeLessThan(0);
    const curve = lorenzCurve(a, [1, 2, 3, 4, 5], 5);
    expect(curve[0]).toEqual({ population: 0, value: 0 });
    expect(curve[1]!.value).toBeCloseTo(10 / 16, 12);
    expect(curve.at(-1)!.value).toBe(1);
  });
  it("hand-computed normalized gini", () => {
    // Kaggle's gini: actual ordered by prediction desc, Σ cum share − (n+1)/2, over n.
    // pred order: [3,1,2] → actual [0,2,1] cum shares 0, 2/3, 1 → (5/3 − 2)/3 = −1/9.
    // perfect: [2,1,0] cum 2/3, 1, 1 → (8/3 − 2)/3 = 2/9.  normalized = −½.
    expect(normalizedGini([2, 1, 0], [2, 1, 3])).toBeCloseTo(-0.5, 12);
  });
  it("decile calibration, zero share and top-decile share", () => {
    const actual = Array.from({ length: 20 }, (_, i) => (i < 4 ? 0 : i));
    const pred = Array.from({ length: 20 }, (_, i) => i);
    const d = decileCalibration(actual, pred);
    expect(d).toHaveLength(10);
    expect(d[0]).toEqual({ decile: 1, count: 2, meanPredicted: 0.5, meanActual: 0 });
    expect(d[9]).toEqual({ decile: 10, count: 2, meanPredicted: 18.5, meanActual: 18.5 });
    expect(zeroShare(actual)).toBe(0.2);
    const total = actual.reduce((s, v) => s + v, 0);
    expect(topDecileShare(actual)).toBeCloseTo((19 + 18) / total, 12);
    expect(topDecileShare([0, 0])).toBeNaN();
  });
});
