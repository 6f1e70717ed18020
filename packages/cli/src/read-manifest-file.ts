import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { BundleValidationError, LeadforgeError } from "@leadforge/core";

/** A path the user typed that does not exist is a usage error, as for inspect/validate. */
function notFound(path: string): LeadforgeError {
  return new LeadforgeError("BUNDLE_NOT_FOUND", `manifest not found: ${path}`, {
    usage: true,
    details: { path },
  });
}

/** The parts of a manifest that regeneration needs. */
export interface RegenerationSource {
  /** Path of the manifest file as given. */
  readonly path: string;
  /** Recipe id. */
  readonly recipeId: string;
  /** Scheme name. */
  readonly scheme: string;
  /** Scheme package name and exact version that wrote the bundle. */
  readonly schemePackage: { readonly name: string; readonly version: string };
  /** Flat config keys recorded in the manifest, minus `recipe_id` and `scheme`. */
  readonly config: Record<string, unknown>;
  /** The @leadforge/core version that wrote it, when recorded. */
  readonly coreVersion: string | null;
}

/**
 * Read `manifest.json` (or a bundle folder holding one) for `generate --from-manifest`.
 * Only the fields needed to regenerate are checked, so a manifest whose files were edited
 * can still be regenerated.
 */
export async function readManifestFile(path: string, cwd: string): Promise<RegenerationSource> {
  let file = resolve(cwd, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "manifest.json");
  } catch {
    throw notFound(path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw code === "ENOENT"
      ? notFound(file)
      : new BundleValidationError(
          `${path} is not a readable JSON manifest: ${(cause as Error).message}`,
          { cause },
        );
  }
  const m = raw as Record<string, unknown>;
  const pkg = m?.scheme_package as Record<string, unknown> | undefined;
  const config = m?.config as Record<string, unknown> | undefined;
  if (
    typeof m !== "object" ||
    m === null ||
    typeof m.recipe_id !== "string" ||
    typeof m.generation_scheme !== "string" ||
    typeof pkg?.name !== "string" ||
    typeof pkg?.version !== "string" ||
    typeof config !== "object" ||
    config === null ||
    Array.isArray(config)
  ) {
    throw new BundleValidationError(
      `${path} is not a leadforge manifest: it needs recipe_id, generation_scheme, scheme_package {name, version} and config`,
    );
  }
  const { recipe_id: _r, scheme: _s, ...flat } = config;
  return {
    path,
    recipeId: m.recipe_id,
    scheme: m.generation_scheme,
    schemePackage: { name: pkg.name, version: pkg.version },
    config: flat,
    coreVersion: typeof m.core_version === "string" ? m.core_version : null,
  };
}
