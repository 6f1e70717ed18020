import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { type Manifest, manifestSchema } from "../bundle/manifest.js";
import { formatZodIssues } from "../config/format-zod-issues.js";
import { BundleIoError, BundleValidationError } from "../errors/errors.js";
import type { ColumnarTable } from "../table/types.js";
import type { BundleReader } from "../validation/types.js";
import { readParquetTable } from "./read-parquet.js";

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, out);
    else out.push(relative(root, full).split(sep).join("/"));
  }
}

/** List every file under a folder, relative and `/`-separated, sorted. */
export async function listBundleFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  await walk(resolve(root), resolve(root), out);
  return out.sort();
}

/**
 * Open a bundle folder for reading. The manifest is parsed against its schema (a bad
 * manifest throws `BundleValidationError` naming the fields); tables are read lazily and
 * cached.
 */
export async function openBundle(dir: string): Promise<BundleReader & { readonly root: string }> {
  const root = resolve(dir);
  let text: string;
  try {
    text = await readFile(join(root, "manifest.json"), "utf8");
  } catch (cause) {
    throw new BundleIoError(`'${dir}' is not a bundle: it has no readable manifest.json`, {
      cause,
    });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new BundleValidationError(`manifest.json in '${dir}' is not valid JSON`, { cause });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BundleValidationError(
      `manifest.json in '${dir}' does not match the manifest schema: ${formatZodIssues(parsed.error, raw).join("; ")}`,
    );
  }
  const manifest: Manifest = parsed.data;
  const files = await listBundleFiles(root);
  const cache = new Map<string, Promise<ColumnarTable>>();
  return {
    root,
    manifest,
    listFiles: () => files,
    readTable(path) {
      let p = cache.get(path);
      if (!p) {
        p = readFile(join(root, path)).then((b) =>
          readParquetTable(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), path),
        );
        cache.set(path, p);
      }
      return p;
    },
    readText: (path) => readFile(join(root, path), "utf8"),
  };
}
