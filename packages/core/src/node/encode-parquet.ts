import { tableToIPC } from "apache-arrow";
import {
  Compression,
  Table as WasmTable,
  type WriterProperties,
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
  const rowGroupRows = options.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS;
  const ipc = tableToIPC(toArrowTable(table, rowGroupRows), "stream");
  const wasmTable = WasmTable.fromIPCStream(ipc);
  // writeParquet consumes both wasm objects; freeing them again would double-free.
  return writeParquet(wasmTable, parquetWriterProperties(rowGroupRows));
}

/** Rows per Parquet row group (and per Arrow record batch fed to the writer). */
export const DEFAULT_ROW_GROUP_ROWS = 1 << 20;

/**
 * The writer settings every leadforge Parquet file uses. Shared by the in-thread encoder
 * and the encode workers so both produce the same bytes.
 */
export function parquetWriterProperties(rowGroupRows: number): WriterProperties {
  return new WriterPropertiesBuilder()
    .setCompression(Compression.ZSTD)
    .setDictionaryEnabled(true)
    .setMaxRowGroupSize(rowGroupRows)
    .setCreatedBy(PARQUET_CREATED_BY)
    .build();
}
