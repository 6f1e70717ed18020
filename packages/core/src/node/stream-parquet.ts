import { createHash } from "node:crypto";
import { mkdir, open } from "node:fs/promises";
import { dirname } from "node:path";
import { type RecordBatch, type Schema, Table, tableToIPC } from "apache-arrow";
import { transformParquetStream, Table as WasmTable } from "parquet-wasm";
import { CancelledError } from "../errors/errors.js";
import { LeadforgeError } from "../errors/leadforge-error.js";
import type { ColumnarTable } from "../table/types.js";
import { DEFAULT_ROW_GROUP_ROWS, parquetWriterProperties } from "./encode-parquet.js";
import { batchRanges, toArrowBatch, toArrowSchema } from "./to-arrow-table.js";

/**
 * Rows per Arrow batch fed to the streaming writer. The writer cuts its input into
 * mini-batches of 1024 rows and checks page limits between them, so batches whose bounds
 * are multiples of 1024 (and never straddle a row group) give the same bytes as one batch
 * per row group, while holding 16× less Arrow data at a time.
 */
export const STREAM_BATCH_ROWS = 1 << 16;

/**
 * Row ranges to feed {@link encodeParquetFile}: each row group cut into {@link STREAM_BATCH_ROWS}
 * pieces (a row group smaller than that is one piece); one empty range for an empty table.
 */
export function streamBatchRanges(
  length: number,
  rowGroupRows: number = DEFAULT_ROW_GROUP_ROWS,
): { start: number; n: number }[] {
  const out: { start: number; n: number }[] = [];
  for (const group of batchRanges(length, rowGroupRows))
    for (const piece of batchRanges(group.n, STREAM_BATCH_ROWS))
      out.push({ start: group.start + piece.start, n: piece.n });
  return out;
}

/** Record batches of a columnar table for {@link encodeParquetFile}, built one at a time. */
export function* tableBatches(
  table: ColumnarTable,
  rowGroupRows: number = DEFAULT_ROW_GROUP_ROWS,
): Generator<RecordBatch> {
  const schema = toArrowSchema(table);
  for (const { start, n } of streamBatchRanges(table.length, rowGroupRows))
    yield toArrowBatch(table, schema, start, n);
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];

/** Options for {@link encodeParquetFile}. */
export interface EncodeParquetFileOptions {
  /** File to write (its folder is created). */
  readonly path: string;
  /** Arrow schema of the batches (from `toArrowSchema`). */
  readonly schema: Schema;
  /** The rows, as row-group-aligned batches (see {@link streamBatchRanges}). */
  readonly batches: AsyncIterator<RecordBatch> | Iterator<RecordBatch>;
  /** Rows per row group. @default DEFAULT_ROW_GROUP_ROWS */
  readonly rowGroupRows?: number;
}

/**
 * Encode record batches to a Parquet file through the streaming writer, hashing the bytes
 * on their way to disk: one batch at a time is decoded into wasm memory (the writer pulls
 * the next only after writing the previous one) and the encoded file is never held whole.
 * With batch bounds on multiples of 1024 rows that never straddle a row group, the bytes
 * equal `encodeParquet` of the same rows. Returns the file's SHA-256 and size.
 */
export async function encodeParquetFile(
  opts: EncodeParquetFileOptions,
): Promise<{ sha256: string; bytes: number }> {
  const { schema, batches } = opts;
  // The streaming writer drops a failing input batch and still closes a valid-looking file,
  // so an error from the batch source is kept here and rethrown after the stream ends.
  let inputError: unknown;
  const input = new ReadableStream(
    {
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) {
            controller.close();
            return;
          }
          const wasmTable = WasmTable.fromIPCStream(
            tableToIPC(new Table(schema, [next.value]), "stream"),
          );
          const wasmBatch = wasmTable.recordBatch(0)!;
          wasmTable.free();
          controller.enqueue(wasmBatch);
        } catch (error) {
          inputError ??= error;
          controller.close();
        }
      },
    },
    { highWaterMark: 0 },
  );
  let output: ReadableStream<Uint8Array>;
  try {
    output = await transformParquetStream(
      input,
      parquetWriterProperties(opts.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS),
    );
  } catch (error) {
    throw inputError ?? error;
  }
  await mkdir(dirname(opts.path), { recursive: true });
  const file = await open(opts.path, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  let tail: number[] = [];
  try {
    for await (const chunk of output) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      tail = [...tail, ...chunk.subarray(Math.max(0, chunk.byteLength - 4))].slice(-4);
      await file.write(chunk);
    }
  } finally {
    await file.close();
  }
  if (inputError !== undefined) throw inputError;
  // A write error inside the writer also goes unreported; a file it could not finish lacks
  // the closing magic bytes.
  if (bytes < 12 || tail.some((b, i) => b !== PAR1[i]))
    throw new LeadforgeError("ENCODE_FAILED", `Parquet writer did not finish '${opts.path}'.`);
  return { sha256: hash.digest("hex"), bytes };
}

/** Options for {@link writeParquetFile}. */
export interface WriteParquetFileOptions {
  /** Rows per row group. @default DEFAULT_ROW_GROUP_ROWS */
  readonly rowGroupRows?: number;
  /**
   * Let other work on this thread run between batches (used when this thread also feeds
   * encode workers); checked with `signal` before each batch.
   */
  readonly yieldBetweenBatches?: boolean;
  /** Stops the encoding (throws `CancelledError`) between batches. */
  readonly signal?: AbortSignal;
}

/** Encode a table to a Parquet file in row-group-aligned batches; returns its hash and size. */
export async function writeParquetFile(
  path: string,
  table: ColumnarTable,
  options: WriteParquetFileOptions = {},
): Promise<{ sha256: string; bytes: number }> {
  const { rowGroupRows, yieldBetweenBatches, signal } = options;
  async function* batches(): AsyncGenerator<RecordBatch> {
    for (const batch of tableBatches(table, rowGroupRows)) {
      if (yieldBetweenBatches) await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw new CancelledError();
      yield batch;
    }
  }
  return encodeParquetFile({
    path,
    schema: toArrowSchema(table),
    batches: batches(),
    ...(rowGroupRows ? { rowGroupRows } : {}),
  });
}
