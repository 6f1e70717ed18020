import { isClassification, listBundleTasks, readDictionary } from "../validation/bundle-tasks.js";
import type { BundleReader } from "../validation/types.js";
import { classificationTaskReport, REPORT_MODELS } from "./classification-task-report.js";
import { LIFT_CURVE_FRACTIONS, PRECISION_KS } from "./classifier-metrics.js";
import { regressionTaskReport } from "./regression-task-report.js";
import { loadOracle, loadTaskData } from "./task-data.js";
import type { QualityReport } from "./types.js";

/** Options of {@link createQualityReport}. */
export interface QualityReportOptions {
  /**
   * A bundle holding `metadata/oracle/<task_id>.parquet` (the instructor bundle of the same
   * seed). The bundle itself is used when it carries the oracle. @default none
   */
  readonly oracle?: BundleReader;
  /** Smallest calibration bin. @default max(20, 1% of the test rows) */
  readonly minBinSize?: number;
  /** Only these tasks. @default all */
  readonly taskIds?: readonly string[];
  /**
   * Leave out features the dictionary flags `leakage_risk` (other than the trap), such as
   * instructor-only columns, so an instructor bundle's report matches what students can
   * learn. @default true
   */
  readonly excludeLeakyFeatures?: boolean;
}

/**
 * Build the dataset quality report of a bundle: per classification task, logistic
 * regression and gradient boosting trained on train and scored on test (ROC/PR-AUC, Brier,
 * log loss, precision@K, lift, calibration, gains), the trap's effect, the oracle, and
 * univariate feature signal; per regression task, ridge and boosting on log1p(target)
 * (Spearman, normalized Gini, deciles, Lorenz curves) and the target's shape; per-table
 * row counts. Deterministic and JSON-able; render it with `renderReportHtml`.
 */
export async function createQualityReport(
  reader: BundleReader,
  options: QualityReportOptions = {},
): Promise<QualityReport> {
  const m = reader.manifest;
  const notes: string[] = [];
  const dictionary = await readDictionary(reader);
  const tasks: QualityReport["tasks"][number][] = [];
  for (const task of await listBundleTasks(reader)) {
    if (options.taskIds && !options.taskIds.includes(task.id)) continue;
    const data = await loadTaskData(reader, task, dictionary, options.excludeLeakyFeatures ?? true);
    if (!data || data.trainY.length === 0 || data.testY.length === 0) {
      notes.push(`Task '${task.id}' skipped: its train/test split or label is missing or empty.`);
      continue;
    }
    let oracle = await loadOracle(reader, task.id, data.test);
    if (!oracle && options.oracle) oracle = await loadOracle(options.oracle, task.id, data.test);
    if (!oracle && options.oracle)
      notes.push(`No oracle scores for task '${task.id}' in the oracle bundle.`);
    if (isClassification(task)) {
      const pos = data.trainY.reduce((a, b) => a + b, 0);
      if (pos === 0 || pos === data.trainY.length) {
        notes.push(`Task '${task.id}' skipped: the training split has a single class.`);
        continue;
      }
      const minBinSize = options.minBinSize ?? Math.max(20, Math.round(data.testY.length / 100));
      tasks.push(classificationTaskReport({ task, data, oracle, minBinSize }));
    } else if (task.type === "regression") {
      tasks.push(regressionTaskReport({ task, data, oracle }));
    } else {
      notes.push(`Task '${task.id}' skipped: unknown task type '${task.type}'.`);
    }
  }
  const leaky = dictionary.filter((d) => d.leakageRisk && d.role === "feature").map((d) => d.name);
  if (leaky.length && (options.excludeLeakyFeatures ?? true))
    notes.push(
      `Leakage-risk columns left out of the models: ${leaky.join(", ")} (instructor-only; set excludeLeakyFeatures: false to include them).`,
    );
  return {
    reportVersion: 1,
    bundle: {
      scheme: m.generation_scheme,
      schemePackage: m.scheme_package.name,
      schemeVersion: m.scheme_package.version,
      recipeId: m.recipe_id,
      seed: m.seed,
      difficulty: m.difficulty,
      exposureMode: m.exposure_mode,
      splitStrategy: m.split_strategy,
    },
    protocol: {
      train: "train split (valid is not used)",
      evaluate: "test split",
      classification: {
        models: REPORT_MODELS,
        precisionAtK: PRECISION_KS,
        liftAt: ["1%", "5%", "10%"],
        liftCurveFractions: LIFT_CURVE_FRACTIONS,
        calibration:
          "10 equal-width bins, sparse bins merged to a minimum size of max(20, 1% of test rows)",
        featureSignal: "test ROC-AUC of each column alone, folded to >= 0.5",
        trapEffect: "both models refitted without the dictionary's trap columns",
      },
      regression: {
        models: {
          linear_log1p: {
            alpha: 1,
            standardize: true,
            target: "log1p(y)",
            prediction:
              "expm1, rescaled so the mean training prediction equals the mean training target",
          },
          gradient_boosting_log1p: {
            ...REPORT_MODELS.gradient_boosting,
            loss: "squared",
            target: "log1p(y)",
          },
        },
        featureSignal: "|Spearman| of each column alone with the target on test",
      },
      features:
        "dictionary roles 'feature' and 'trap'; identifiers, labels and leakage-risk features other than the trap excluded",
      oracle:
        "metadata/oracle/<task_id>.parquet (id column + oracle_score) from the instructor bundle",
    },
    tables: Object.entries(m.tables).map(([name, t]) => ({ name, rows: t.row_count })),
    tasks,
    notes,
  };
}
