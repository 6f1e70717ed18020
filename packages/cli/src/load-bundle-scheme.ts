import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createRegistry, type GenerationScheme, type SchemeRegistry } from "@leadforge/core";
import type { CliIo } from "./cli-io.js";
import { isTrustedSchemePackage, loadSchemePackage, loadSchemes } from "./load-scheme.js";

/** The scheme a bundle names, as found on this machine. */
export interface BundleScheme {
  /** Registry holding the scheme when it was found. */
  readonly registry: SchemeRegistry;
  /** The scheme name the manifest records. */
  readonly name: string;
  /** The package and version the manifest records. */
  readonly recorded: { readonly name: string; readonly version: string };
  /** The installed scheme, or undefined when its package is not installed or broken. */
  readonly scheme: GenerationScheme | undefined;
  /** Whether the recorded package name may be imported (see `isTrustedSchemePackage`). */
  readonly trusted: boolean;
}

/**
 * Load the scheme package named by a bundle's manifest (`scheme_package.name` when it is a
 * scheme package name this CLI trusts, else the known schemes) so scheme-specific checks can run. Never throws for a missing or
 * broken package: the caller reports it.
 */
export async function loadBundleScheme(root: string, io: CliIo): Promise<BundleScheme> {
  const m = JSON.parse(await readFile(join(root, "manifest.json"), "utf8")) as {
    generation_scheme?: unknown;
    scheme_package?: { name?: unknown; version?: unknown };
  };
  const name = typeof m.generation_scheme === "string" ? m.generation_scheme : "";
  const recorded = {
    name: typeof m.scheme_package?.name === "string" ? m.scheme_package.name : "",
    version: typeof m.scheme_package?.version === "string" ? m.scheme_package.version : "",
  };
  const registry = createRegistry();
  const trusted = recorded.name !== "" && isTrustedSchemePackage(recorded.name, name, io.env);
  if (trusted) {
    try {
      const r = await loadSchemePackage({ packageName: recorded.name, cwd: io.cwd });
      if (r.status === "loaded") for (const s of r.schemes) registry.register(s);
    } catch {
      // Broken package: fall through to the known schemes.
    }
  }
  if (!registry.has(name)) {
    const loaded = await loadSchemes({ env: io.env, cwd: io.cwd });
    for (const s of loaded.schemes) if (s.name === name) registry.register(s);
  }
  return {
    registry,
    name,
    recorded,
    scheme: registry.has(name) ? registry.get(name) : undefined,
    trusted,
  };
}
