import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { SPLIT_NAMES } from "../bundle/assign-splits.js";
import { canonicalJson, prettyJson } from "../bundle/canonical-json.js";
import type { InMemoryBundle } from "../bundle/generate-bundle.js";
import type { Manifest } from "../bundle/manifest.js";
import { BundleIoError, CancelledError, OutputExistsError } from "../errors/errors.js";
import { encodeCsv } from "../table/encode-csv.js";
import type { ColumnarTable } from "../table/types.js";
import { encodeParquet } from "./encode-parquet.js";

/** Options for {@link writeBundle}. */
export interface WriteBundleOptions {
  /** The generated bundle. */
  readonly bundle: InMemoryBundle;
  /** Destination folder. */
  readonly outDir: string;
  /** Replace an existing non-empty folder. @default false */
  readonly force?: boolean;
  /** Cancellation: checked between files; a cancelled write leaves nothing behind. */
  readonly signal?: AbortSignal;
  /** Called after each file is written. */
  readonly onFile?: (path: string, bytes: number) => void;
}

/** What {@link writeBundle} wrote. */
export interface WriteBundleResult {
  /** Absolute bundle folder. */
  readonly outDir: string;
  /** The manifest as written. */
  readonly manifest: Manifest;
  /** Total bytes written. */
  readonly bytes: number;
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
  const put = async (rel: string, data: Uint8Array | string) => {
    if (signal?.aborted) throw new CancelledError();
    const full = join(tmp, rel);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, data);
    const size = typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
    bytes += size;
    files[rel] = sha256(data);
    opts.onFile?.(rel, size);
    return files[rel]!;
  };
  const putTable = async (
    stem: string,
    table: ColumnarTable,
  ): Promise<{ file: string; sha: string }> => {
    let first: { file: string; sha: string } | undefined;
    if (format === "parquet" || format === "both") {
      const file = `${stem}.parquet`;
      first = { file, sha: await put(file, encodeParquet(table)) };
    }
    if (format === "csv" || format === "both") {
      const file = `${stem}.csv`;
      const sha = await put(file, [...encodeCsv(table)].join(""));
      first ??= { file, sha };
    }
    return first!;
  };

  try {
    await mkdir(tmp, { recursive: true });
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
    for (const m of bundle.metadataTables) await put(m.path, encodeParquet(m.table));
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
    return { outDir, manifest, bytes };
  } catch (error) {
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
  }
}
