// Public surface of @leadforge/core (isomorphic). Node-only I/O lives in "@leadforge/core/node".

export { z } from "zod";
export {
  type ApplyDistortionsOptions,
  applyDistortions,
  type DistortionParams,
} from "./bundle/apply-distortions.js";
export {
  type AssignSplitsOptions,
  assignSplits,
  SPLIT_NAMES,
  type SplitName,
} from "./bundle/assign-splits.js";
export { canonicalJson, prettyJson } from "./bundle/canonical-json.js";
export { renderFeatureDictionary } from "./bundle/feature-dictionary.js";
export { findRecipe, listRecipes } from "./bundle/find-recipe.js";
export {
  type GenerateBundleOptions,
  generateBundle,
  type InMemoryBundle,
  type PreparedRun,
  prepareRun,
  renderBundle,
  type SplitTask,
} from "./bundle/generate-bundle.js";
export {
  BUNDLE_SCHEMA_VERSION,
  CORE_MANIFEST_KEYS,
  type Manifest,
  manifestSchema,
} from "./bundle/manifest.js";
export {
  COMMON_CONFIG_KEYS,
  type CommonConfig,
  commonConfigSchema,
} from "./config/common-config.js";

export {
  DIFFICULTY_TIERS,
  EXPOSURE_MODES,
  type ExposureMode,
  OUTPUT_FORMATS,
  type OutputFormat,
  SPLIT_STRATEGIES,
  type SplitStrategy,
  TASK_TYPES,
  type TaskType,
} from "./config/enums.js";
export { formatZodIssues } from "./config/format-zod-issues.js";
export { parseRecipe } from "./config/parse-recipe.js";
export {
  type Recipe,
  type RecipeFile,
  type RecipeSource,
  recipeFileSchema,
} from "./config/recipe-schema.js";
export {
  flattenConfig,
  type ResolveConfigOptions,
  resolveConfig,
} from "./config/resolve-config.js";
export {
  BundleIoError,
  BundleValidationError,
  CancelledError,
  InvalidConfigError,
  InvalidRecipeError,
  OutputExistsError,
  ProtocolMismatchError,
  SchemeConflictError,
  SchemeVersionError,
  TableSchemaError,
  UnknownRecipeError,
  UnknownSchemeError,
} from "./errors/errors.js";
export {
  isLeadforgeError,
  LeadforgeError,
  type LeadforgeErrorOptions,
} from "./errors/leadforge-error.js";
export { ID_PREFIXES, makeId } from "./ids/make-id.js";
// Quality metrics and baseline models (pure, isomorphic).
export { averageRanks, stableOrder } from "./quality/average-ranks.js";
export {
  type BinMapper,
  binValue,
  fitBinMapper,
  MAX_BINS,
  MISSING_BIN,
} from "./quality/bin-mapper.js";
export { brierScore } from "./quality/brier-score.js";
export {
  type CalibrationBin,
  type CalibrationBinsOptions,
  type CalibrationResult,
  calibrationBins,
} from "./quality/calibration-bins.js";
export { type DecileRow, decileCalibration } from "./quality/decile-calibration.js";
export {
  type BoostingLoss,
  fitGradientBoosting,
  type GradientBoostingModel,
  type GradientBoostingOptions,
} from "./quality/fit-gradient-boosting.js";
export {
  fitLinearRegression,
  type LinearRegressionModel,
  type LinearRegressionOptions,
} from "./quality/fit-linear-regression.js";
export {
  fitLogisticRegression,
  type LogisticRegressionModel,
  type LogisticRegressionOptions,
} from "./quality/fit-logistic-regression.js";
export { liftAt } from "./quality/lift-at.js";
export { logLoss } from "./quality/log-loss.js";
export { type Matrix, matrixFromRows, selectColumns } from "./quality/matrix.js";
export { type LorenzPoint, lorenzCurve, normalizedGini } from "./quality/normalized-gini.js";
export type { NumericArray } from "./quality/numeric-array.js";
export { prAuc } from "./quality/pr-auc.js";
export { precisionAtK } from "./quality/precision-at-k.js";
export {
  type CategoricalEncoding,
  type FeaturePlan,
  type FeaturePlanOptions,
  fitFeaturePlan,
  type PlannedFeature,
} from "./quality/prepare-features.js";
export { rocAuc } from "./quality/roc-auc.js";
export { pearson, spearman } from "./quality/spearman.js";
export { applyStandardizer, fitStandardizer, type Standardizer } from "./quality/standardize.js";
export { topDecileShare } from "./quality/top-decile-share.js";
export { zeroShare } from "./quality/zero-share.js";
// Dataset quality report (isomorphic): building and HTML rendering.
export {
  createQualityReport,
  type QualityReportOptions,
} from "./report/create-quality-report.js";
export { renderReportHtml } from "./report/render-report-html.js";
export type {
  ClassificationTaskReport,
  ClassifierMetrics,
  FeatureSignal,
  Metric,
  QualityReport,
  RegressionTaskReport,
  RegressorMetrics,
  SplitSummary,
  TargetDistribution,
} from "./report/types.js";
export {
  createRngRoot,
  RNG_ALGORITHM,
  type RngRoot,
  type StreamKey,
} from "./rng/create-rng-root.js";
export { Rng } from "./rng/rng.js";
export { defineScheme, isScheme, type SchemeDefinition } from "./scheme/define-scheme.js";
export {
  createRegistry,
  getDefaultRegistry,
  getScheme,
  listSchemes,
  registerScheme,
  type SchemeRegistry,
  schemePackageName,
} from "./scheme/registry.js";
export {
  type BuildContext,
  type BundleFacts,
  type DifficultyTier,
  type ExposureContract,
  type ExposureRule,
  type GenerationScheme,
  type MetadataFile,
  type ProgressEvent,
  type RenderedBundle,
  type RenderedTask,
  type ResolvedConfig,
  SCHEME_PROTOCOL_VERSION,
  type SchemeParams,
  type StructuralRedactions,
  type TaskSpec,
} from "./scheme/types.js";
export { type Cell, type CellTableOptions, createCellTable } from "./table/create-cell-table.js";
export {
  createLazyTable,
  isLazyTable,
  type LazyTable,
  type LazyTableOptions,
  type RowReader,
} from "./table/create-lazy-table.js";
export {
  checkTable,
  createTableBuilder,
  type TableBuilder,
  tableFromRows,
} from "./table/create-table-builder.js";
export {
  dayToMicros,
  formatIsoDate,
  formatTimestamp,
  microsToDay,
  parseIsoDate,
} from "./table/dates.js";
export { defineTable } from "./table/define-table.js";
export { encodeCsv } from "./table/encode-csv.js";
export { readColumn, readColumns, readSlice } from "./table/read-rows.js";
export {
  columnIndex,
  dropColumns,
  filterRows,
  getColumn,
  rowAt,
  takeRows,
  withColumn,
} from "./table/table-ops.js";
export type {
  ColumnarTable,
  ColumnRole,
  ColumnSpec,
  ColumnType,
  ColumnValues,
  Row,
  TableSpec,
} from "./table/types.js";
// Validation framework (isomorphic): providers, probes and the runner.
export {
  BUNDLE_SPLITS,
  type BundleTask,
  isClassification,
  listBundleTasks,
  readDictionary,
  readSplit,
} from "./validation/bundle-tasks.js";
export { createExposureProvider } from "./validation/check-exposure.js";
export { createForeignKeyProvider } from "./validation/check-foreign-keys.js";
export { createSchemaProvider } from "./validation/check-schemas.js";
export {
  createSplitProvider,
  defaultSplitGroups,
  type SplitGroupResolver,
  type SplitProviderOptions,
} from "./validation/check-splits.js";
export { createValueProvider } from "./validation/check-values.js";
export {
  type CoreValidationOptions,
  coreValidationProviders,
} from "./validation/core-validation-providers.js";
export {
  type Band,
  createLabelBandProvider,
  type LabelBandOptions,
} from "./validation/create-label-band-provider.js";
export {
  createTimeCutProvider,
  type DaysSource,
  type TimeCut,
  type TimeCutProviderOptions,
} from "./validation/create-time-cut-provider.js";
export {
  type DictionaryEntry,
  parseCsv,
  parseFeatureDictionary,
} from "./validation/parse-feature-dictionary.js";
export {
  createLeadScoringValidators,
  type LeadScoringValidatorOptions,
} from "./validation/presets/lead-scoring-validators.js";
export {
  createLifecycleValidators,
  type LifecycleValidatorOptions,
} from "./validation/presets/lifecycle-validators.js";
export {
  createJoinProbeProvider,
  type JoinProbeOptions,
} from "./validation/probes/create-join-probe-provider.js";
export {
  createSplitProbeProvider,
  type FeatureSubsetProbe,
  type SplitProbeOptions,
} from "./validation/probes/create-split-probe-provider.js";
export {
  buildJoinFeatures,
  type JoinFeatures,
  type JoinTable,
} from "./validation/probes/join-features.js";
export {
  formatFindings,
  type RunValidationOptions,
  runValidation,
  summarizeFindings,
} from "./validation/run-validation.js";
export type {
  BundleReader,
  Finding,
  Severity,
  ValidationContext,
  ValidationProvider,
  ValidationResult,
} from "./validation/types.js";
