import { fitGradientBoosting } from "../quality/fit-gradient-boosting.js";
import { fitLogisticRegression } from "../quality/fit-logistic-regression.js";
import { fitFeaturePlan } from "../quality/prepare-features.js";
import { rocAuc } from "../quality/roc-auc.js";
import type { BundleTask } from "../validation/bundle-tasks.js";
import { classifierMetrics } from "./classifier-metrics.js";
import { featureSignals } from "./feature-signal.js";
import { metric } from "./metric-value.js";
import type { TaskData } from "./task-data.js";
import type { ClassificationTaskReport, ClassifierMetrics } from "./types.js";

/** Model settings of the report (sklearn-like defaults). */
export const REPORT_MODELS = {
  logistic_regression: {
    C: 1,
    standardize: true,
    encoding: "one-hot + median impute + missing indicators",
  },
  gradient_boosting: {
    maxIter: 100,
    learningRate: 0.1,
    maxLeafNodes: 31,
    minSamplesLeaf: 20,
    l2Regularization: 0,
    maxBins: 255,
    encoding: "ordinal codes, missing values native",
  },
} as const;

function fitBoth(data: TaskData, exclude: readonly string[]) {
  const roles = Object.fromEntries(data.features.map((f) => [f.name, "feature" as const]));
  const common = { exclude: [...data.exclude, ...exclude], roles };
  const lin = fitFeaturePlan(data.train, { encoding: "one-hot", ...common });
  const ord = fitFeaturePlan(data.train, { encoding: "ordinal", ...common });
  const lr = fitLogisticRegression(lin.transform(data.train), data.trainY, { C: 1 });
  const gbm = fitGradientBoosting(ord.transform(data.train), data.trainY, { loss: "logloss" });
  return {
    lr: lr.predictProba(lin.transform(data.test)),
    gbm: gbm.predict(ord.transform(data.test)),
  };
}

/**
 * A classification task's report section: logistic regression and gradient boosting trained
 * on train and scored on test (every metric), the oracle when its scores are known, the
 * trap columns' effect (both models refitted without them) and univariate feature signal.
 */
export function classificationTaskReport(options: {
  readonly task: BundleTask;
  readonly data: TaskData;
  readonly oracle: Float64Array | null;
  readonly minBinSize: number;
}): ClassificationTaskReport {
  const { task, data } = options;
  const scores = fitBoth(data, []);
  const models: Record<string, ClassifierMetrics> = {
    logistic_regression: classifierMetrics(data.testY, scores.lr, options.minBinSize),
    gradient_boosting: classifierMetrics(data.testY, scores.gbm, options.minBinSize),
  };
  if (options.oracle)
    models.oracle = classifierMetrics(data.testY, options.oracle, options.minBinSize);
  const traps = data.features.filter((f) => f.role === "trap").map((f) => f.name);
  let trapEffect: ClassificationTaskReport["trapEffect"] = null;
  if (traps.length && traps.length < data.features.length) {
    const without = fitBoth(data, traps);
    trapEffect = {
      columns: traps,
      lrWith: models.logistic_regression!.rocAuc,
      lrWithout: metric(rocAuc(data.testY, without.lr)),
      gbmWith: models.gradient_boosting!.rocAuc,
      gbmWithout: metric(rocAuc(data.testY, without.gbm)),
    };
  }
  return {
    id: task.id,
    type: "binary_classification",
    label: task.labelColumn,
    splits: data.splits,
    features: data.features.map((f) => f.name),
    trapColumns: traps,
    models,
    trapEffect,
    featureSignal: featureSignals({
      train: data.train,
      test: data.test,
      trainY: data.trainY,
      testY: data.testY,
      columns: data.features,
      task: "classification",
    }),
  };
}
