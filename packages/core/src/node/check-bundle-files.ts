import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Manifest } from "../bundle/manifest.js";
import type { Finding } from "../validation/types.js";
import { sha256 } from "./write-bundle.js";

/**
 * File integrity of a bundle folder: every file the manifest lists exists with the recorded
 * SHA-256, no file is unlisted, and the per-table / per-split hashes and paths in
 * `tables` and `tasks` agree with `files`.
 */
export async function checkBundleFiles(
  root: string,
  manifest: Manifest,
  present: readonly string[],
): Promise<Finding[]> {
  const out: Finding[] = [];
  const onDisk = new Set(present);
  for (const [rel, expected] of Object.entries(manifest.files)) {
    if (!onDisk.has(rel)) {
      out.push({
        severity: "error",
        code: "file_missing",
        file: rel,
        message: `${rel} is listed in the manifest but missing`,
      });
      continue;
    }
    const actual = sha256(await readFile(join(root, rel)));
    if (actual !== expected) {
      out.push({
        severity: "error",
        code: "hash_mismatch",
        file: rel,
        message: `${rel} was modified: SHA-256 ${actual.slice(0, 12)}… does not match the manifest's ${expected.slice(0, 12)}…`,
      });
    }
  }
  for (const rel of present) {
    if (rel === "manifest.json" || rel in manifest.files) continue;
    out.push({
      severity: "error",
      code: "file_unlisted",
      file: rel,
      message: `${rel} is not listed in the manifest (added after generation?)`,
    });
  }
  for (const [name, t] of Object.entries(manifest.tables)) {
    if (manifest.files[t.file] !== t.sha256) {
      out.push({
        severity: "error",
        code: "manifest_inconsistent",
        file: t.file,
        message: `manifest.tables.${name} (${t.file}) disagrees with manifest.files`,
      });
    }
  }
  for (const [id, entry] of Object.entries(manifest.tasks)) {
    for (const split of ["train", "valid", "test"]) {
      const sha = entry[`${split}_sha256`];
      const file = [`tasks/${id}/${split}.parquet`, `tasks/${id}/${split}.csv`].find(
        (f) => f in manifest.files,
      );
      if (!file) {
        out.push({
          severity: "error",
          code: "file_missing",
          file: `tasks/${id}/${split}.parquet`,
          message: `Task '${id}' has no ${split} split in the manifest's file list`,
        });
      } else if (typeof sha === "string" && manifest.files[file] !== sha) {
        out.push({
          severity: "error",
          code: "manifest_inconsistent",
          file,
          message: `manifest.tasks.${id}.${split}_sha256 disagrees with manifest.files`,
        });
      }
    }
  }
  return out;
}
