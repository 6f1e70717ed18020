import type { CalibrationBin } from "../quality/calibration-bins.js";
import type { DecileRow } from "../quality/decile-calibration.js";
import type { LorenzPoint } from "../quality/normalized-gini.js";

/** A number in the report; `null` where the metric is undefined (JSON has no NaN). */
export type Metric = number | null;

/** Rows and label summary of one split. */
export interface SplitSummary {
  /** Rows. */
  readonly rows: number;
  /** Label rate (classification) or mean (regression). */
  readonly labelMean: Metric;
}

/** Test-split metrics of one classifier. */
export interface ClassifierMetrics {
  /** ROC-AUC. */
  readonly rocAuc: Metric;
  /** Average precision (PR-AUC). */
  readonly prAuc: Metric;
  /** Brier score. */
  readonly brier: Metric;
  /** Log loss (nats). */
  readonly logLoss: Metric;
  /** Precision among the top K rows, for K in the protocol. */
  readonly precisionAtK: readonly { readonly k: number; readonly value: Metric }[];
  /** Lift in the top 1%, 5%, 10%. */
  readonly lift: { readonly "1%": Metric; readonly "5%": Metric; readonly "10%": Metric };
  /** Reliability bins (min bin size applied). */
  readonly calibration: {
    readonly bins: readonly CalibrationBin[];
    readonly maxError: Metric;
    readonly expectedError: Metric;
  };
  /** Cumulative gains: share of positives captured by the top share of rows. */
  readonly gains: readonly LorenzPoint[];
  /** Cumulative lift at population shares (1%…100%). */
  readonly liftCurve: readonly { readonly fraction: number; readonly lift: Metric }[];
}

/** Univariate signal of one feature column. */
export interface FeatureSignal {
  /** Column name. */
  readonly name: string;
  /** Dictionary role (`feature` or `trap`). */
  readonly role: string;
  /** `numeric` or `categorical`. */
  readonly kind: "numeric" | "categorical";
  /**
   * Classification: test ROC-AUC of the column alone, folded to ≥ 0.5 (numeric: the raw
   * value; categorical: the training positive rate of its level). Regression: |Spearman|.
   */
  readonly score: Metric;
  /** +1 when larger values (or higher-rate levels) go with the positive class / larger target. */
  readonly direction: 1 | -1;
  /** Share of missing values in train. */
  readonly missingShare: number;
}

/** A classification task's section. */
export interface ClassificationTaskReport {
  /** Task id. */
  readonly id: string;
  /** Always `binary_classification`. */
  readonly type: "binary_classification";
  /** Label column. */
  readonly label: string;
  /** Per split rows and positive rate. */
  readonly splits: Readonly<Record<"train" | "valid" | "test", SplitSummary>>;
  /** Feature columns used (source columns). */
  readonly features: readonly string[];
  /** Trap columns (dictionary role `trap`). */
  readonly trapColumns: readonly string[];
  /** Test metrics per model: `logistic_regression`, `gradient_boosting`, and `oracle` when known. */
  readonly models: Readonly<Record<string, ClassifierMetrics>>;
  /** Test ROC-AUC with vs without the trap columns. */
  readonly trapEffect: {
    readonly columns: readonly string[];
    readonly lrWith: Metric;
    readonly lrWithout: Metric;
    readonly gbmWith: Metric;
    readonly gbmWithout: Metric;
  } | null;
  /** Univariate signal per feature, strongest first. */
  readonly featureSignal: readonly FeatureSignal[];
}

/** Test-split metrics of one regressor. */
export interface RegressorMetrics {
  /** Spearman rank correlation of prediction and target. */
  readonly spearman: Metric;
  /** Normalized Gini of the target ordered by prediction. */
  readonly normalizedGini: Metric;
  /** Mean prediction vs mean actual per prediction decile. */
  readonly deciles: readonly DecileRow[];
  /** Lorenz curve of the target ordered by prediction. */
  readonly lorenz: readonly LorenzPoint[];
  /** Share of the target total captured by the top 10% of predictions. */
  readonly top10Capture: Metric;
}

/** Distribution summary of a non-negative target. */
export interface TargetDistribution {
  /** Rows. */
  readonly n: number;
  /** Mean. */
  readonly mean: Metric;
  /** Quantiles 0.5, 0.9, 0.99 and max. */
  readonly median: Metric;
  readonly p90: Metric;
  readonly p99: Metric;
  readonly max: Metric;
  /** Share exactly zero. */
  readonly zeroShare: Metric;
  /** Share of the total held by the top 10% of rows. */
  readonly topDecileShare: Metric;
  /** Histogram of log1p(target) over the non-zero values: bin edges (target scale) and counts. */
  readonly histogram: readonly {
    readonly lo: number;
    readonly hi: number;
    readonly count: number;
  }[];
}

/** A regression task's section. */
export interface RegressionTaskReport {
  /** Task id. */
  readonly id: string;
  /** Always `regression`. */
  readonly type: "regression";
  /** Label column. */
  readonly label: string;
  /** Per split rows and target mean. */
  readonly splits: Readonly<Record<"train" | "valid" | "test", SplitSummary>>;
  /** Feature columns used. */
  readonly features: readonly string[];
  /** Trap columns. */
  readonly trapColumns: readonly string[];
  /** Target distribution on the test split (and train for comparison). */
  readonly target: { readonly train: TargetDistribution; readonly test: TargetDistribution };
  /** Test metrics per model: `linear_log1p`, `gradient_boosting_log1p`, and `oracle` when known. */
  readonly models: Readonly<Record<string, RegressorMetrics>>;
  /** Lorenz curve of a perfect ranking of the test target (the Gini = 1 reference). */
  readonly perfectLorenz: readonly LorenzPoint[];
  /** Univariate signal per feature (|Spearman| on test), strongest first. */
  readonly featureSignal: readonly FeatureSignal[];
}

/** The dataset quality report: JSON-able, deterministic for a given bundle. */
export interface QualityReport {
  /** Report format version. */
  readonly reportVersion: 1;
  /** What bundle it describes. */
  readonly bundle: {
    readonly scheme: string;
    readonly schemePackage: string;
    readonly schemeVersion: string;
    readonly recipeId: string;
    readonly seed: number;
    readonly difficulty: string;
    readonly exposureMode: string;
    readonly splitStrategy: string;
  };
  /** How models were trained and scored. */
  readonly protocol: Readonly<Record<string, unknown>>;
  /** Row count per published table, in manifest order. */
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
  /** One section per task. */
  readonly tasks: readonly (ClassificationTaskReport | RegressionTaskReport)[];
  /** Things the reader should know (skipped tasks, missing oracle…). */
  readonly notes: readonly string[];
}
