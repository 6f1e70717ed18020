import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { LeadforgeError } from "@leadforge/core";

/**
 * Check a BUNDLE argument before reading it: it must be an existing folder with a
 * manifest.json. Returns the absolute path. A wrong path is the caller's mistake (usage).
 */
export async function checkBundleArg(path: string, cwd: string): Promise<string> {
  const abs = resolve(cwd, path);
  const usage = (message: string) =>
    new LeadforgeError("BUNDLE_NOT_FOUND", message, { usage: true, details: { path } });
  let isDir: boolean;
  try {
    isDir = (await stat(abs)).isDirectory();
  } catch {
    throw usage(`bundle folder not found: ${path}`);
  }
  if (!isDir) throw usage(`not a directory (expected a bundle folder): ${path}`);
  try {
    await stat(resolve(abs, "manifest.json"));
  } catch {
    throw usage(`not a bundle: ${path} has no manifest.json`);
  }
  return abs;
}
