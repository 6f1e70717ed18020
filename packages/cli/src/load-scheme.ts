import { pathToFileURL } from "node:url";
import {
  createRegistry,
  type GenerationScheme,
  isScheme,
  LeadforgeError,
  type SchemeRegistry,
  schemePackageName,
  UnknownSchemeError,
} from "@leadforge/core";
import { peerRange } from "./cli-package.js";
import { installCommand } from "./install-hint.js";
import { resolveFromProject } from "./resolve-from-project.js";
import { BUILTIN_SCHEMES, extraSchemePackages } from "./scheme-catalogue.js";

/** Result of trying to load one scheme package. */
export type LoadSchemeResult =
  | {
      readonly status: "loaded";
      readonly packageName: string;
      readonly schemes: GenerationScheme[];
      /** URL of the module that was imported (worker threads import the same one). */
      readonly moduleUrl: string | undefined;
    }
  | { readonly status: "missing"; readonly packageName: string };

/** Options for {@link loadSchemePackage}. */
export interface LoadSchemePackageOptions {
  /** The package to import, e.g. `@leadforge/scheme-lead-scoring`. */
  readonly packageName: string;
  /** Folder whose `node_modules` is tried when the CLI's own location cannot see the package. */
  readonly cwd: string;
  /** The scheme name the package must export (checked when given). */
  readonly expectedName?: string;
}

function isNotFound(error: unknown, packageName: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") &&
    error.message.includes(`'${packageName}'`)
  );
}

function resolveFromCli(packageName: string): string | undefined {
  try {
    return import.meta.resolve?.(packageName);
  } catch {
    return undefined;
  }
}

async function importPackage(
  packageName: string,
  cwd: string,
): Promise<{ mod: unknown; url: string | undefined } | undefined> {
  try {
    return { mod: await import(packageName), url: resolveFromCli(packageName) };
  } catch (error) {
    if (!isNotFound(error, packageName)) throw error;
  }
  // Not visible from the CLI's own install (e.g. a global CLI): try the user's project.
  const resolved = resolveFromProject(packageName, cwd);
  if (resolved === undefined) return undefined;
  const url = pathToFileURL(resolved).href;
  return { mod: await import(url), url };
}

/**
 * Import a scheme package by name and shape-check what it exports: every value made by
 * `defineScheme` (any copy of core) counts. A package that is not installed is reported as
 * `missing`; one that is installed but broken, or exports no scheme, throws.
 */
export async function loadSchemePackage(opts: LoadSchemePackageOptions): Promise<LoadSchemeResult> {
  const { packageName } = opts;
  let imported: { mod: unknown; url: string | undefined } | undefined;
  try {
    imported = await importPackage(packageName, opts.cwd);
  } catch (cause) {
    throw new LeadforgeError(
      "SCHEME_LOAD_FAILED",
      `Could not load scheme package ${packageName}: ${cause instanceof Error ? cause.message.split("\n")[0] : String(cause)}`,
      { cause, details: { package: packageName } },
    );
  }
  if (imported === undefined) return { status: "missing", packageName };
  const values = Object.values(imported.mod as Record<string, unknown>);
  const schemes = [...new Set(values.filter(isScheme))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  if (schemes.length === 0) {
    throw new LeadforgeError(
      "SCHEME_LOAD_FAILED",
      `Package ${packageName} does not export a leadforge generation scheme (a value made by defineScheme()).`,
      { details: { package: packageName } },
    );
  }
  if (opts.expectedName !== undefined && !schemes.some((s) => s.name === opts.expectedName)) {
    throw new LeadforgeError(
      "SCHEME_LOAD_FAILED",
      `Package ${packageName} exports scheme${schemes.length > 1 ? "s" : ""} ${schemes.map((s) => `'${s.name}'`).join(", ")}, not '${opts.expectedName}'.`,
      { details: { package: packageName } },
    );
  }
  return { status: "loaded", packageName, schemes, moduleUrl: imported.url };
}

/**
 * Whether a package name read from a bundle's manifest may be imported: a built-in scheme
 * package, one named in `LEADFORGE_SCHEMES`, or the conventional package of the manifest's
 * scheme name. A manifest is data; it must not make the CLI import arbitrary packages.
 */
export function isTrustedSchemePackage(
  packageName: string,
  schemeName: string,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return (
    BUILTIN_SCHEMES.some((s) => s.packageName === packageName) ||
    extraSchemePackages(env).includes(packageName) ||
    (/^[a-z][a-z0-9_]*$/.test(schemeName) && schemePackageName(schemeName) === packageName)
  );
}

/** Schemes found on this machine, registered in a fresh registry. */
export interface LoadedSchemes {
  /** A registry holding every loaded scheme (explicitly registered, never the global one). */
  readonly registry: SchemeRegistry;
  /** Loaded schemes, sorted by name. */
  readonly schemes: readonly GenerationScheme[];
  /** Scheme name → URL of the module it was imported from. */
  readonly moduleUrls: ReadonlyMap<string, string>;
  /** Packages looked for but not installed. */
  readonly missing: readonly { readonly packageName: string; readonly name?: string }[];
  /** Packages installed but failing to load (reported, not fatal, until one is needed). */
  readonly broken: readonly {
    readonly packageName: string;
    readonly name?: string;
    readonly error: LeadforgeError;
  }[];
}

/** Options for {@link loadSchemes}. */
export interface LoadSchemesOptions {
  /** Environment (for `LEADFORGE_SCHEMES`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Working directory (fallback resolution root). */
  readonly cwd: string;
  /** Load only these scheme names (built-in or extra); default: all known. */
  readonly only?: readonly string[];
}

/**
 * Load the built-in scheme packages plus those named in `LEADFORGE_SCHEMES`, tolerating
 * missing ones, and register each explicitly into a new registry.
 */
export async function loadSchemes(opts: LoadSchemesOptions): Promise<LoadedSchemes> {
  const registry = createRegistry();
  const wanted: { packageName: string; name?: string }[] = [
    ...BUILTIN_SCHEMES.filter((s) => !opts.only || opts.only.includes(s.name)),
    ...extraSchemePackages(opts.env)
      .filter((p) => !BUILTIN_SCHEMES.some((s) => s.packageName === p))
      .map((packageName) => ({ packageName })),
  ];
  const missing: { packageName: string; name?: string }[] = [];
  const broken: { packageName: string; name?: string; error: LeadforgeError }[] = [];
  const moduleUrls = new Map<string, string>();
  for (const w of wanted) {
    let result: LoadSchemeResult;
    try {
      result = await loadSchemePackage({
        packageName: w.packageName,
        cwd: opts.cwd,
        ...(w.name !== undefined ? { expectedName: w.name } : {}),
      });
    } catch (error) {
      if (!(error instanceof LeadforgeError)) throw error;
      broken.push({ ...w, error });
      continue;
    }
    if (result.status === "missing") {
      missing.push(w);
      continue;
    }
    for (const s of result.schemes) {
      registry.register(s);
      if (result.moduleUrl) moduleUrls.set(s.name, result.moduleUrl);
    }
  }
  return { registry, schemes: registry.list(), moduleUrls, missing, broken };
}

/**
 * The usage error for a scheme whose package is not installed, with the exact install
 * command. `range` defaults to this CLI's peer range for the package.
 */
export function schemeNotInstalledError(opts: {
  readonly name: string;
  readonly packageName: string;
  readonly range?: string | undefined;
  readonly why?: string;
}): UnknownSchemeError {
  const range = opts.range ?? peerRange(opts.packageName);
  return new UnknownSchemeError(
    `${opts.why ?? `Generation scheme '${opts.name}' is not installed`}; install ${opts.packageName}: ${installCommand(opts.packageName, range)}`,
    { details: { name: opts.name, package: opts.packageName, range } },
  );
}
