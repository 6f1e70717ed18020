export { checkBundleFiles } from "./check-bundle-files.js";
export { type EncodeParquetOptions, encodeParquet, PARQUET_CREATED_BY } from "./encode-parquet.js";
export {
  type GenerateBundleParallelOptions,
  generateBundleParallel,
  partitionRanges,
} from "./generate-bundle-parallel.js";
export { loadRecipeDir, readRecipeSource, readRecipeSources } from "./load-recipe-dir.js";
export { listBundleFiles, openBundle } from "./read-bundle.js";
export { readParquetTable } from "./read-parquet.js";
export { toArrowSchema, toArrowTable } from "./to-arrow-table.js";
export { type ValidateBundleOptions, validateBundle } from "./validate-bundle.js";
export {
  sha256,
  type WriteBundleOptions,
  type WriteBundleResult,
  writeBundle,
} from "./write-bundle.js";
export { type WriteReportOptions, type WriteReportResult, writeReport } from "./write-report.js";
