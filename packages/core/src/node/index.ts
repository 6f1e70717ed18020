export { checkBundleFiles } from "./check-bundle-files.js";
export {
  createEncodePool,
  type EncodedFile,
  type EncodeJob,
  type EncodePool,
  type EncodePoolOptions,
  type EncodePoolStats,
  encodeWorkerAvailable,
} from "./create-encode-pool.js";
export {
  DEFAULT_ROW_GROUP_ROWS,
  type EncodeParquetOptions,
  encodeParquet,
  PARQUET_CREATED_BY,
  parquetWriterProperties,
} from "./encode-parquet.js";
export {
  type GenerateBundleParallelOptions,
  generateBundleParallel,
  partitionRanges,
} from "./generate-bundle-parallel.js";
export { loadRecipeDir, readRecipeSource, readRecipeSources } from "./load-recipe-dir.js";
export { listBundleFiles, openBundle } from "./read-bundle.js";
export { readParquetTable } from "./read-parquet.js";
export { batchRanges, toArrowBatch, toArrowSchema, toArrowTable } from "./to-arrow-table.js";
export { type ValidateBundleOptions, validateBundle } from "./validate-bundle.js";
export {
  ENCODE_IN_THREAD_ROWS,
  MAX_DEFAULT_ENCODE_THREADS,
  sha256,
  type WriteBundleOptions,
  type WriteBundleResult,
  writeBundle,
} from "./write-bundle.js";
export { type WriteReportOptions, type WriteReportResult, writeReport } from "./write-report.js";
