import { describe, expect, it } from "vitest";
import { calibrationBins } from "../../src/quality/calibration-bins.js";
import { fitGradientBoosting } from "../../src/quality/fit-gradient-boosting.js";
import { fitLinearRegression } from "../../src/quality/fit-linear-regression.js";
import { fitLogisticRegression } from "../../src/quality/fit-logistic-regression.js";
import { matrixFromRows } from "../../src/quality/matrix.js";
import { fitFeaturePlan } from "../../src/quality/prepare-features.js";
import { rocAuc } from "../../src/quality/roc-auc.js";
import type { ColumnarTable } from "../../src/table/types.js";

describe("models on degenerate inputs", () => {
  it("a boosted model with too few rows to split predicts the base rate", () => {
    const x = matrixFromRows([[1], [2], [3], [4]]);
    const p = fitGradientBoosting(x, [0, 1, 1, 1]).predict(x);
    for (const v of p) expect(v).toBeCloseTo(0.75, 9);
  });
  it("logistic regression stays finite on perfectly separable data (L2)", () => {
    const x = matrixFromRows([[0], [1], [2], [3], [4], [5]]);
    const m = fitLogisticRegression(x, [0, 0, 0, 1, 1, 1]);
    expect(m.converged).toBe(true);
    expect(Number.isFinite(m.coef[0]!)).toBe(true);
    expect(rocAuc([0, 0, 0, 1, 1, 1], m.predictProba(x))).toBe(1);
  });
  it("constant and duplicated columns do not break the solvers", () => {
    const x = matrixFromRows([
      [1, 5, 5],
      [1, 3, 3],
      [1, 4, 4],
      [1, 9, 9],
      [1, 2, 2],
    ]);
    const y = [0, 1, 0, 1, 0];
    const lr = fitLogisticRegression(x, y);
    expect(lr.coef.every(Number.isFinite)).toBe(true);
    const ridge = fitLinearRegression(x, [5, 3, 4, 9, 2]);
    expect(ridge.predict(x)[3]).toBeGreaterThan(ridge.predict(x)[4]!);
  });
  it("an all-missing feature is imputed to zeros with an indicator of ones", () => {
    const t: ColumnarTable = {
      spec: {
        name: "t",
        description: "",
        columns: [{ name: "a", type: "float64", nullable: true, description: "" }],
      },
      length: 2,
      columns: [[null, null]],
    };
    const plan = fitFeaturePlan(t, { encoding: "one-hot" });
    expect(plan.features.map((f) => f.name)).toEqual(["a", "a__missing"]);
    expect(Array.from(plan.transform(t).data)).toEqual([0, 1, 0, 1]);
  });
  it("calibration of an empty set has no bins and NaN errors", () => {
    const r = calibrationBins([], []);
    expect(r.bins).toEqual([]);
    expect(r.maxError).toBeNaN();
  });
});
