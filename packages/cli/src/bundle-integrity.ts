import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { loadCoreNode } from "./core-node.js";

/** How a bundle's files compare with the hashes its manifest records. */
export interface BundleIntegrity {
  /** Files the manifest lists (manifest.json itself excluded). */
  readonly listed: number;
  /** Listed files whose SHA-256 matches. */
  readonly intact: number;
  /** Listed files whose content changed. */
  readonly modified: readonly string[];
  /** Listed files that are gone. */
  readonly missing: readonly string[];
  /** Files on disk the manifest does not list. */
  readonly extra: readonly string[];
}

function hashFile(path: string): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolvePromise(hash.digest("hex")))
      .on("error", (e: NodeJS.ErrnoException) =>
        e.code === "ENOENT" ? resolvePromise(null) : reject(e),
      );
  });
}

/** Hash every file of a bundle (streamed) and compare with the manifest's `files` map. */
export async function checkBundleIntegrity(
  root: string,
  files: Readonly<Record<string, string>>,
  options: { readonly listsEverything?: boolean } = {},
): Promise<BundleIntegrity> {
  const { listBundleFiles } = await loadCoreNode();
  const onDisk = new Set(await listBundleFiles(root));
  const modified: string[] = [];
  const missing: string[] = [];
  let intact = 0;
  for (const rel of Object.keys(files).sort()) {
    if (!onDisk.has(rel)) {
      missing.push(rel);
      continue;
    }
    const sha = await hashFile(join(root, rel));
    if (sha === null) missing.push(rel);
    else if (sha === files[rel]) intact++;
    else modified.push(rel);
  }
  // Older manifests hash only the Parquet files; then nothing counts as extra.
  const extra =
    options.listsEverything === false
      ? []
      : [...onDisk].filter((f) => f !== "manifest.json" && !(f in files)).sort();
  return { listed: Object.keys(files).length, intact, modified, missing, extra };
}
