import { tableToIPC } from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  WriterPropertiesBuilder,
  writeParquet,
} from "parquet-wasm";
import type { ColumnarTable } from "../table/types.js";
import { toArrowTable } from "./to-arrow-table.js";

/** Fixed `created_by` so file bytes do not drift with the writer library's version. */
export const PARQUET_CREATED_BY = "leadforge (parquet-wasm)";

/** Options for {@link encodeParquet}. */
export interface EncodeParquetOptions {
  /** Rows per row group. @default 1048576 */
  readonly rowGroupRows?: number;
}

/**
 * Encode a table as Parquet: ZSTD, dictionary-encoded pages (with plain fallback),
 * DATE / TIMESTAMP(µs, UTC) logical types, REQUIRED vs OPTIONAL from the declared
 * nullability, a pinned `created_by`. Deterministic: same table → same bytes.
 */
export function encodeParquet(
  table: ColumnarTable,
  options: EncodeParquetOptions = {},
): Uint8Array {
  const rowGroupRows = options.rowGroupRows ?? 1 << 20;
  const ipc = tableToIPC(toArrowTable(table, rowGroupRows), "stream");
  const wasmTable = WasmTable.fromIPCStream(ipc);
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setDictionaryEnabled(true)
    .setMaxRowGroupSize(rowGroupRows)
    .setCreatedBy(PARQUET_CREATED_BY)
    .build();
  try {
    return writeParquet(wasmTable, props);
  } finally {
    // writeParquet consumes both wasm objects; freeing again would double-free.
  }
}
