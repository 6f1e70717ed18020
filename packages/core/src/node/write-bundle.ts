import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { SPLIT_NAMES } from "../bundle/assign-splits.js";
import { canonicalJson, prettyJson } from "../bundle/canonical-json.js";
import type { InMemoryBundle } from "../bundle/generate-bundle.js";
import type { Manifest } from "../bundle/manifest.js";
import { BundleIoError, CancelledError, OutputExistsError } from "../errors/errors.js";
import type { ColumnarTable } from "../table/types.js";
import { createEncodePool, encodeWorkerAvailable } from "./create-encode-pool.js";
import { writeParquetFile } from "./stream-parquet.js";
import { writeCsvFile } from "./write-csv-file.js";

/** Options for {@link writeBundle}. */
export interface WriteBundleOptions {
  /** The generated bundle. */
  readonly bundle: InMemoryBundle;
  /** Destination folder. */
  readonly outDir: string;
  /** Replace an existing non-empty folder. @default false */
  readonly force?: boolean;
  /** Cancellation: checked between 65,536-row slices; a cancelled write leaves nothing behind. */
  readonly signal?: AbortSignal;
  /** Called after each file is written (Parquet files in completion order). */
  readonly onFile?: (path: string, bytes: number) => void;
  /**
   * Threads that encode Parquet files in parallel: this one plus `encodeWorkers - 1` worker
   * threads (the bytes are the same for any count). `1` encodes in this thread only. This
   * thread converts tables to Arrow for the workers, computes the rows of lazy tables and
   * encodes small files in the gaps, so the default is one thread per CPU core, this one
   * included, at most {@link MAX_DEFAULT_ENCODE_THREADS} (measured on 2 cores at 1M leads:
   * 2 threads 43.9 s / 1.58 GB peak RSS, 3 threads 43.2 s / 1.83 GB — each worker's wasm
   * heap costs ~250 MB — and 1 thread 57.2 s / 1.35 GB). Bundles under
   * {@link ENCODE_IN_THREAD_ROWS} rows stay in this thread, where starting workers costs more
   * than it saves. Without the built worker file (core run from TypeScript source) encoding
   * stays in this thread.
   */
  readonly encodeWorkers?: number;
}

/**
 * Cap on the default number of encoding threads: every one holds its own parquet-wasm heap
 * (~250 MB at 1,048,576-row row groups) and this thread has to compute the rows they encode,
 * so past a few threads more cores buy memory, not speed.
 */
export const MAX_DEFAULT_ENCODE_THREADS = 4;

/** Below this many Parquet rows in a bundle, the default is to encode in-thread. */
export const ENCODE_IN_THREAD_ROWS = 100_000;

/** What {@link writeBundle} wrote. */
export interface WriteBundleResult {
  /** Absolute bundle folder. */
  readonly outDir: string;
  /** The manifest as written. */
  readonly manifest: Manifest;
  /** Total bytes written. */
  readonly bytes: number;
  /**
   * How Parquet files were encoded: encoding threads (1 = this thread only, as without the
   * built worker file) and the number of files written by worker threads.
   */
  readonly encode: { readonly threads: number; readonly filesInWorkers: number };
}

function encodeWorkerCount(requested: number | undefined, rows: number): number {
  if (!encodeWorkerAvailable()) return 0;
  if (requested === undefined)
    return rows < ENCODE_IN_THREAD_ROWS
      ? 0
      : Math.min(MAX_DEFAULT_ENCODE_THREADS, Math.max(2, cpus().length));
  const n = Math.floor(requested);
  return n > 1 ? n : 0;
}

/** Lowercase hex SHA-256 of bytes or text. */
export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

async function isNonEmptyDir(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    if (!s.isDirectory()) return true;
    return (await readdir(path)).length > 0;
  } catch {
    return false;
  }
}

/**
 * Encode and write a bundle atomically: everything goes into a hidden temporary sibling
 * folder that is renamed into place only when complete, so a crash or Ctrl-C never leaves
 * a half bundle at `outDir`. A non-empty `outDir` is refused unless `force`.
 *
 * The manifest hashes every file except itself and records `config_sha256`.
 */
export async function writeBundle(opts: WriteBundleOptions): Promise<WriteBundleResult> {
  const outDir = resolve(opts.outDir);
  const { bundle, signal } = opts;
  if (!opts.force && (await isNonEmptyDir(outDir))) {
    throw new OutputExistsError(
      `Output folder '${opts.outDir}' exists and is not empty; pass --force to replace it.`,
      {
        details: { path: outDir },
      },
    );
  }
  const parent = dirname(outDir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(outDir)}.tmp-${randomBytes(6).toString("hex")}`);
  const files: Record<string, string> = {};
  let bytes = 0;
  const format = bundle.config.common.format;
  /** Account for a written file: its hash for the manifest, its size, the callback. */
  const record = (rel: string, file: { sha256: string; bytes: number }) => {
    bytes += file.bytes;
    files[rel] = file.sha256;
    opts.onFile?.(rel, file.bytes);
    return file.sha256;
  };
  const put = async (rel: string, data: Uint8Array | string) => {
    if (signal?.aborted) throw new CancelledError();
    const full = join(tmp, rel);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data);
    const size = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
    return record(rel, { sha256: sha256(data), bytes: size });
  };
  const wantParquet = format === "parquet" || format === "both";
  const wantCsv = format === "csv" || format === "both";
  // Every Parquet file of the bundle, in output order (tables, task splits, metadata).
  const parquetJobs: { rel: string; table: ColumnarTable }[] = [];
  if (wantParquet) {
    for (const t of bundle.tables)
      parquetJobs.push({ rel: `tables/${t.spec.name}.parquet`, table: t });
    for (const task of bundle.tasks)
      for (const split of SPLIT_NAMES)
        parquetJobs.push({ rel: `tasks/${task.id}/${split}.parquet`, table: task.splits[split] });
  }
  for (const m of bundle.metadataTables) parquetJobs.push({ rel: m.path, table: m.table });
  const rows = parquetJobs.reduce((sum, j) => sum + j.table.length, 0);
  const size = encodeWorkerCount(opts.encodeWorkers, rows);
  // This thread is one of the `size` encoders (it also feeds the workers).
  const pool = size > 1 ? createEncodePool({ size: size - 1, local: true }) : undefined;
  let filesInWorkers = 0;

  /** Write (or have written) every Parquet file; returns its SHA-256 by relative path. */
  const writeParquetFiles = async (): Promise<Map<string, string>> => {
    const shas = new Map<string, string>();
    if (!pool) {
      // In-thread: one file at a time, streamed (one slice of Arrow data in flight, the
      // encoded bytes hashed and written as they come).
      for (const j of parquetJobs) {
        if (signal?.aborted) throw new CancelledError();
        const f = await writeParquetFile(join(tmp, j.rel), j.table, signal ? { signal } : {});
        record(j.rel, f);
        shas.set(j.rel, f.sha256);
      }
      return shas;
    }
    const jobs = parquetJobs.map((j) => ({ path: join(tmp, j.rel), table: j.table, rel: j.rel }));
    const written = await pool.encodeAll(jobs, {
      ...(signal ? { signal } : {}),
      onFile: (job, f) => {
        const { rel } = job as (typeof jobs)[number];
        record(rel, f);
      },
    });
    for (const j of jobs) shas.set(j.rel, written.get(j)!.sha256);
    filesInWorkers = pool.stats.files;
    return shas;
  };

  try {
    await mkdir(tmp, { recursive: true });
    const parquetShas = await writeParquetFiles();
    /** The table's primary file (Parquet when written, else CSV) and its hash. */
    const putTable = async (stem: string, table: ColumnarTable) => {
      let first: { file: string; sha: string } | undefined;
      if (wantParquet)
        first = { file: `${stem}.parquet`, sha: parquetShas.get(`${stem}.parquet`)! };
      if (wantCsv) {
        const file = `${stem}.csv`;
        const csv = await writeCsvFile(join(tmp, file), table, signal ? { signal } : {});
        const sha = record(file, csv);
        first ??= { file, sha };
      }
      return first!;
    };
    const tables: Manifest["tables"] = {};
    for (const t of bundle.tables) {
      const { file, sha } = await putTable(`tables/${t.spec.name}`, t);
      tables[t.spec.name] = { row_count: t.length, file, sha256: sha };
    }
    const tasks: Manifest["tasks"] = {};
    for (const task of bundle.tasks) {
      const entry: Record<string, number | string> = {};
      for (const split of SPLIT_NAMES) {
        const { sha } = await putTable(`tasks/${task.id}/${split}`, task.splits[split]);
        entry[`${split}_rows`] = task.splits[split].length;
        entry[`${split}_sha256`] = sha;
      }
      tasks[task.id] = entry;
    }
    for (const [rel, text] of [...bundle.texts].sort(([a], [b]) => (a < b ? -1 : 1)))
      await put(rel, text);
    const { generation_timestamp: _ts, ...hashedConfig } = bundle.manifestDraft.config as Record<
      string,
      unknown
    >;
    const manifest = {
      ...bundle.manifestDraft,
      tables,
      tasks,
      files: Object.fromEntries(
        Object.keys(files)
          .sort()
          .map((k) => [k, files[k]!]),
      ),
      config_sha256: sha256(canonicalJson(hashedConfig)),
    } as Manifest;
    const text = prettyJson(manifest);
    if (signal?.aborted) throw new CancelledError();
    await writeFile(join(tmp, "manifest.json"), text);
    bytes += Buffer.byteLength(text);

    if (await isNonEmptyDir(outDir)) {
      const trash = join(parent, `.${basename(outDir)}.old-${randomBytes(6).toString("hex")}`);
      await rename(outDir, trash);
      await rename(tmp, outDir);
      await rm(trash, { recursive: true, force: true });
    } else {
      await rm(outDir, { recursive: true, force: true });
      await rename(tmp, outDir);
    }
    return { outDir, manifest, bytes, encode: { threads: Math.max(1, size), filesInWorkers } };
  } catch (error) {
    // Stop the workers before removing the folder they may still be writing into.
    await pool?.close();
    await rm(tmp, { recursive: true, force: true });
    if (error instanceof CancelledError || error instanceof OutputExistsError) throw error;
    if (
      error instanceof Error &&
      "code" in error &&
      typeof error.code === "string" &&
      !("isUsageError" in error)
    ) {
      throw new BundleIoError(`Could not write bundle to '${opts.outDir}': ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  } finally {
    await pool?.close();
  }
}
