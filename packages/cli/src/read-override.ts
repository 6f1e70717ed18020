import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { InvalidConfigError } from "@leadforge/core";
import { parse as parseYaml } from "yaml";

/**
 * Read an override file: a YAML (or JSON) mapping of flat config keys (`seed`, `n_leads`,
 * `snapshot_day`, …). An empty file means no override. Keys are checked later against the
 * recipe's scheme, so unknown keys are reported with the allowed ones.
 */
export async function readOverrideFile(
  path: string,
  cwd: string,
): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new InvalidConfigError(
      code === "ENOENT"
        ? `override file not found: ${path}`
        : code === "EISDIR"
          ? `override file is a folder, not a file: ${path}`
          : `cannot read override file ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text, { version: "1.2", uniqueKeys: true });
  } catch (cause) {
    throw new InvalidConfigError(
      `override file ${path} is not valid YAML/JSON: ${(cause as Error).message.split("\n")[0]}`,
      { cause },
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new InvalidConfigError(
      `override file ${path} must contain a mapping of config keys at the top level (e.g. "n_leads: 500").`,
    );
  }
  return data as Record<string, unknown>;
}
