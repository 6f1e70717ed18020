import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { brierScore } from "../../src/quality/brier-score.js";
import { fitGradientBoosting } from "../../src/quality/fit-gradient-boosting.js";
import { fitLinearRegression } from "../../src/quality/fit-linear-regression.js";
import { fitLogisticRegression } from "../../src/quality/fit-logistic-regression.js";
import { logLoss } from "../../src/quality/log-loss.js";
import { type Matrix, matrixFromRows } from "../../src/quality/matrix.js";
import { normalizedGini } from "../../src/quality/normalized-gini.js";
import { prAuc } from "../../src/quality/pr-auc.js";
import { precisionAtK } from "../../src/quality/precision-at-k.js";
import { rocAuc } from "../../src/quality/roc-auc.js";
import { spearman } from "../../src/quality/spearman.js";

interface Fixture {
  n_train: number;
  X: number[][];
  X_nan_col5: boolean[];
  y: number[];
  value: number[];
  expected: {
    lr_coef: number[];
    lr_intercept: number;
    lr_test_proba_head: number[];
    lr_test_auc: number;
    ridge_coef: number[];
    ridge_intercept: number;
    gbc_test_auc: number;
    gbc_test_logloss: number;
    gbr_test_spearman: number;
    gbr_test_pred: number[];
    metrics_on_lr: Record<string, number>;
    metrics_on_tied: {
      scores: number[];
      roc_auc: number;
      average_precision: number;
      precision_at_50: number;
    };
    regression: { spearman_tied: number; normalized_gini: number };
  };
}

// Produced by make-quality-fixture.py with scikit-learn (see that script for the protocol).
const fx: Fixture = JSON.parse(
  readFileSync(new URL("./fixtures/quality-fixture.json", import.meta.url), "utf8"),
);
const nTr = fx.n_train;
const rows = (from: number, to: number, nan = false): Matrix =>
  matrixFromRows(
    fx.X.slice(from, to).map((r, i) =>
      nan && fx.X_nan_col5[from + i] ? r.map((v, j) => (j === 5 ? Number.NaN : v)) : r,
    ),
  );
const xTrain = rows(0, nTr);
const xTest = rows(nTr, fx.X.length);
const yTrain = fx.y.slice(0, nTr);
const yTest = fx.y.slice(nTr);
const log1p = (v: number[]) => v.map((x) => Math.log1p(x));

describe("fitLogisticRegression agrees with sklearn LogisticRegression(C=1) on standardized inputs", () => {
  const model = fitLogisticRegression(xTrain, yTrain);
  it("converges to the same coefficients", () => {
    expect(model.converged).toBe(true);
    model.coef.forEach((c, j) => {
      expect(c).toBeCloseTo(fx.expected.lr_coef[j]!, 6);
    });
    expect(model.intercept).toBeCloseTo(fx.expected.lr_intercept, 6);
  });
  it("gives the same test probabilities and metrics", () => {
    const p = model.predictProba(xTest);
    fx.expected.lr_test_proba_head.forEach((v, i) => {
      expect(p[i]).toBeCloseTo(v, 6);
    });
    const m = fx.expected.metrics_on_lr;
    expect(rocAuc(yTest, p)).toBeCloseTo(m.roc_auc!, 6);
    expect(prAuc(yTest, p)).toBeCloseTo(m.average_precision!, 6);
    expect(brierScore(yTest, p)).toBeCloseTo(m.brier!, 6);
    expect(logLoss(yTest, p)).toBeCloseTo(m.log_loss!, 6);
    expect(precisionAtK(yTest, p, 50)).toBeCloseTo(m.precision_at_50!, 12);
  });
  it("handles tied scores exactly like sklearn", () => {
    const t = fx.expected.metrics_on_tied;
    expect(rocAuc(yTest, t.scores)).toBeCloseTo(t.roc_auc, 12);
    expect(prAuc(yTest, t.scores)).toBeCloseTo(t.average_precision, 12);
    expect(precisionAtK(yTest, t.scores, 50)).toBeCloseTo(t.precision_at_50, 12);
  });
});

describe("fitLinearRegression agrees with sklearn Ridge(alpha=1) on standardized inputs", () => {
  it("gives the same coefficients", () => {
    const model = fitLinearRegression(xTrain, log1p(fx.value.slice(0, nTr)));
    model.coef.forEach((c, j) => {
      expect(c).toBeCloseTo(fx.expected.ridge_coef[j]!, 8);
    });
    expect(model.intercept).toBeCloseTo(fx.expected.ridge_intercept, 8);
  });
  it("recovers an exact linear relation when alpha is tiny", () => {
    const x = matrixFromRows([
      [0, 1],
      [1, 0],
      [2, 3],
      [3, 1],
      [4, 4],
    ]);
    const y = [0, 1, 2, 3, 4].map((i) => 2 + 3 * x.data[i * 2]! - x.data[i * 2 + 1]!);
    const m = fitLinearRegression(x, y, { alpha: 1e-10 });
    expect(m.coef[0]).toBeCloseTo(3, 6);
    expect(m.coef[1]).toBeCloseTo(-1, 6);
    expect(m.intercept).toBeCloseTo(2, 6);
  });
});

describe("fitGradientBoosting agrees closely with sklearn HistGradientBoosting*", () => {
  it("classifier: test AUC and log loss within a small margin, with native NaN handling", () => {
    const model = fitGradientBoosting(rows(0, nTr, true), yTrain);
    const p = model.predict(rows(nTr, fx.X.length, true));
    expect(model.nTrees).toBe(100);
    expect(Math.abs(rocAuc(yTest, p) - fx.expected.gbc_test_auc)).toBeLessThan(0.02);
    expect(Math.abs(logLoss(yTest, p) - fx.expected.gbc_test_logloss)).toBeLessThan(0.03);
    // Real non-linear signal: boosting beats the linear model here, as in sklearn.
    expect(rocAuc(yTest, p)).toBeGreaterThan(fx.expected.lr_test_auc);
  });
  it("regressor on log1p(target): Spearman within a small margin", () => {
    const model = fitGradientBoosting(rows(0, nTr, true), log1p(fx.value.slice(0, nTr)), {
      loss: "squared",
    });
    const pred = model.predict(rows(nTr, fx.X.length, true));
    expect(
      Math.abs(spearman(fx.value.slice(nTr), pred) - fx.expected.gbr_test_spearman),
    ).toBeLessThan(0.03);
  });
  it("fits a step function exactly in one split", () => {
    const x = matrixFromRows(Array.from({ length: 100 }, (_, i) => [i]));
    const y = Array.from({ length: 100 }, (_, i) => (i < 50 ? 0 : 10));
    const m = fitGradientBoosting(x, y, {
      loss: "squared",
      maxIter: 200,
      learningRate: 0.5,
      minSamplesLeaf: 5,
    });
    const pred = m.predict(matrixFromRows([[10], [90]]));
    expect(pred[0]).toBeCloseTo(0, 6);
    expect(pred[1]).toBeCloseTo(10, 6);
  });
  it("learns from missingness itself", () => {
    // y = 1 exactly when x is missing: only the missing-value routing can separate it.
    const vals = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? Number.NaN : (i * 7) % 11));
    const y = vals.map((v) => (Number.isNaN(v) ? 1 : 0));
    const x = matrixFromRows(vals.map((v) => [v]));
    const p = fitGradientBoosting(x, y).predict(x);
    expect(rocAuc(y, p)).toBe(1);
  });
  it("is deterministic", () => {
    const a = fitGradientBoosting(xTrain, yTrain, { maxIter: 20 }).predict(xTest);
    const b = fitGradientBoosting(xTrain, yTrain, { maxIter: 20 }).predict(xTest);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});

describe("regression ranking metrics agree with scipy / the Kaggle definition", () => {
  it("spearman with ties and normalized gini on sklearn's predictions", () => {
    const actual = fx.value.slice(nTr);
    const pred = fx.expected.gbr_test_pred;
    const tied = pred.map((v) => Math.round(v * 10) / 10);
    expect(spearman(actual, tied)).toBeCloseTo(fx.expected.regression.spearman_tied, 10);
    expect(spearman(actual, pred)).toBeCloseTo(fx.expected.gbr_test_spearman, 8);
    expect(normalizedGini(actual, pred)).toBeCloseTo(fx.expected.regression.normalized_gini, 10);
  });
});
