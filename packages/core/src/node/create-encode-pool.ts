import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { CancelledError } from "../errors/errors.js";
import { LeadforgeError } from "../errors/leadforge-error.js";
import type { ColumnarTable } from "../table/types.js";
import { toTransferableBatch } from "./arrow-batch-transfer.js";
import { DEFAULT_ROW_GROUP_ROWS } from "./encode-parquet.js";
import type { EncodeReply, EncodeRequest } from "./encode-worker.js";
import { streamBatchRanges, writeParquetFile } from "./stream-parquet.js";
import { toArrowBatch, toArrowSchema } from "./to-arrow-table.js";

/** One Parquet file for the pool to encode, hash and write. */
export interface EncodeJob {
  /** Absolute path of the file to write. */
  readonly path: string;
  /** The table to encode. */
  readonly table: ColumnarTable;
}

/** What the pool wrote for one {@link EncodeJob}. */
export interface EncodedFile {
  /** Lowercase hex SHA-256 of the file. */
  readonly sha256: string;
  /** File size in bytes. */
  readonly bytes: number;
}

/** Options for {@link createEncodePool}. */
export interface EncodePoolOptions {
  /** Worker threads. */
  readonly size: number;
  /**
   * Also encode on this thread, between feeding the workers (it takes the smallest files
   * first, the workers the biggest). On a 2-core machine one worker plus this thread beats
   * two workers: each worker costs ~0.2 s of CPU to start and its own wasm warm-up.
   * @default false
   */
  readonly local?: boolean;
  /** Rows per Parquet row group (batches are row-group-aligned slices of it). @default 1048576 */
  readonly rowGroupRows?: number;
  /**
   * Batches (of up to 65,536 rows) sent to a worker and not yet taken by its Parquet
   * writer: bounds the memory in flight per worker while keeping it busy. @default 4
   */
  readonly window?: number;
}

/** Counters that show what the pool did (used by tests to prove the threaded path ran). */
export interface EncodePoolStats {
  /** Files encoded by workers. */
  files: number;
  /** Files encoded on the calling thread (option `local`). */
  localFiles: number;
  /** Record batches transferred to workers. */
  batches: number;
}

/** A pool of Parquet encode workers; see {@link createEncodePool}. */
export interface EncodePool {
  /** Number of workers. */
  readonly size: number;
  /** Running counters. */
  readonly stats: EncodePoolStats;
  /**
   * Encode, hash and write every job on the workers, biggest tables first. Each file is
   * written by a worker as soon as it is encoded; `onFile` is called as files complete.
   * Rejects with `CancelledError` when `signal` aborts (workers are stopped at once).
   */
  encodeAll(
    jobs: readonly EncodeJob[],
    opts?: {
      readonly signal?: AbortSignal;
      readonly onFile?: (job: EncodeJob, file: EncodedFile) => void;
    },
  ): Promise<Map<EncodeJob, EncodedFile>>;
  /** Stop the workers; waits until they have exited. Safe to call more than once. */
  close(): Promise<void>;
}

/** URL of the built worker entry (absent when core runs from TypeScript source). */
export const ENCODE_WORKER_URL = new URL("./encode-worker.js", import.meta.url);

/** Whether the built encode worker exists, i.e. {@link createEncodePool} can run. */
export function encodeWorkerAvailable(): boolean {
  return ENCODE_WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(ENCODE_WORKER_URL));
}

interface Lane {
  readonly worker: Worker;
  inflight: number;
  wake?: () => void;
  readonly pending: Map<number, { resolve: (f: EncodedFile) => void; reject: (e: Error) => void }>;
}

/**
 * Start a pool of worker threads that encode tables to Parquet. The main thread converts
 * a table slice by slice (row-group-aligned, up to 65,536 rows) to Arrow buffers and moves
 * (transfers) them to a worker, which streams them through the Parquet writer with the same
 * settings as `encodeParquet`, so the bytes are identical, then hashes and writes the file;
 * memory in flight is bounded by `window` slices per worker.
 */
export function createEncodePool(options: EncodePoolOptions): EncodePool {
  const size = Math.max(1, Math.floor(options.size));
  const rowGroupRows = options.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS;
  const window = Math.max(1, options.window ?? 4);
  const stats: EncodePoolStats = { files: 0, localFiles: 0, batches: 0 };
  // Stops the local lane between batches once anything failed or was cancelled.
  const stop = new AbortController();
  let failure: Error | undefined;
  let nextId = 1;
  let closed: Promise<void> | undefined;

  const fail = (error: Error) => {
    failure ??= error;
    stop.abort();
    for (const lane of lanes) {
      for (const p of lane.pending.values()) p.reject(failure);
      lane.pending.clear();
      lane.wake?.();
    }
  };

  const lanes: Lane[] = Array.from({ length: size }, () => {
    // No inherited flags: V8 options (e.g. --max-old-space-size) are refused by workers.
    const worker = new Worker(ENCODE_WORKER_URL, { execArgv: [] });
    const lane: Lane = { worker, inflight: 0, pending: new Map() };
    worker.on("message", (m: EncodeReply) => {
      if (m.type === "ack") {
        lane.inflight--;
        const wake = lane.wake;
        lane.wake = undefined;
        wake?.();
      } else if (m.type === "done") {
        stats.files++;
        lane.pending.get(m.id)?.resolve({ sha256: m.sha256, bytes: m.bytes });
        lane.pending.delete(m.id);
      } else {
        fail(new LeadforgeError("ENCODE_FAILED", `Parquet encoding failed: ${m.message}`));
      }
    });
    worker.on("error", (e) =>
      fail(new LeadforgeError("ENCODE_FAILED", `encode worker failed: ${e.message}`, { cause: e })),
    );
    worker.on("exit", (code) => {
      if (!closed)
        fail(new LeadforgeError("ENCODE_FAILED", `encode worker exited with code ${code}`));
    });
    return lane;
  });

  const roomIn = async (lane: Lane) => {
    while (!failure && lane.inflight >= window) {
      await new Promise<void>((resolve) => {
        lane.wake = resolve;
      });
    }
    if (failure) throw failure;
  };

  const send = (lane: Lane, m: EncodeRequest, transfer: ArrayBuffer[] = []) =>
    lane.worker.postMessage(m, transfer);

  const encodeAll: EncodePool["encodeAll"] = async (jobs, opts = {}) => {
    const { signal } = opts;
    if (failure) throw failure;
    // Biggest first: the longest jobs start early and the small ones fill the gaps.
    const weight = (j: EncodeJob) => j.table.length * j.table.spec.columns.length;
    const queue = [...jobs].sort((a, b) => weight(b) - weight(a));
    const results = new Map<EncodeJob, EncodedFile>();
    const done: Promise<void>[] = [];
    const onAbort = () => {
      fail(new CancelledError());
      void close();
    };
    if (signal?.aborted) onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    const runLane = async (lane: Lane) => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        if (failure) throw failure;
        const id = nextId++;
        const current = job;
        const file = new Promise<EncodedFile>((resolve, reject) =>
          lane.pending.set(id, { resolve, reject }),
        ).then((f) => {
          results.set(current, f);
          opts.onFile?.(current, f);
        });
        // Handled by Promise.all below; this keeps an early rejection from being reported
        // as unhandled while the other lanes are still sending.
        file.catch(() => {});
        done.push(file);
        send(lane, { type: "begin", id, path: job.path, spec: job.table.spec, rowGroupRows });
        const schema = toArrowSchema(job.table);
        for (const { start, n } of streamBatchRanges(job.table.length, rowGroupRows)) {
          await roomIn(lane);
          if (signal?.aborted) throw new CancelledError();
          const { batch, transfer } = toTransferableBatch(
            toArrowBatch(job.table, schema, start, n),
          );
          lane.inflight++;
          stats.batches++;
          send(lane, { type: "batch", id, batch }, transfer);
        }
        send(lane, { type: "end", id });
      }
    };
    const runLocal = async () => {
      for (let job = queue.pop(); job; job = queue.pop()) {
        if (failure) throw failure;
        const f = await writeParquetFile(job.path, job.table, {
          rowGroupRows,
          yieldBetweenBatches: true,
          signal: stop.signal,
        });
        stats.localFiles++;
        results.set(job, f);
        opts.onFile?.(job, f);
      }
    };
    try {
      await Promise.all([...lanes.map(runLane), ...(options.local ? [runLocal()] : [])]);
      await Promise.all(done);
      if (failure) throw failure;
      return results;
    } catch (error) {
      throw failure ?? error;
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  };

  const close = (): Promise<void> => {
    closed ??= Promise.all(lanes.map((l) => l.worker.terminate())).then(() => undefined);
    return closed;
  };

  return { size, stats, encodeAll, close };
}
