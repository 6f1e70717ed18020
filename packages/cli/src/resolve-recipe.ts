import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  findRecipe,
  type GenerationScheme,
  listRecipes,
  type Recipe,
  type SchemeRegistry,
  SchemeVersionError,
  schemePackageName,
  UnknownRecipeError,
} from "@leadforge/core";
import semver from "semver";
import { loadCoreNode } from "./core-node.js";
import { installCommand } from "./install-hint.js";
import { loadSchemePackage, loadSchemes, schemeNotInstalledError } from "./load-scheme.js";
import { BUILTIN_RECIPES, BUILTIN_SCHEMES } from "./scheme-catalogue.js";

/** A recipe together with the scheme that renders it. */
export interface ResolvedRecipe {
  /** The parsed recipe. */
  readonly recipe: Recipe;
  /** Its scheme (loaded from its package). */
  readonly scheme: GenerationScheme;
  /** A registry holding the scheme. */
  readonly registry: SchemeRegistry;
  /** URL of the scheme's module, for worker threads (undefined when unknown). */
  readonly schemeModule: string | undefined;
}

/** Options for {@link resolveRecipe}. */
export interface ResolveRecipeOptions {
  /** `--recipe`: a shipped recipe id or a path to a recipe folder. */
  readonly ref: string;
  /** Working directory. */
  readonly cwd: string;
  /** Environment (`LEADFORGE_SCHEMES`). */
  readonly env: Readonly<Record<string, string | undefined>>;
}

function looksLikePath(ref: string): boolean {
  return /[/\\]/.test(ref) || ref.startsWith(".") || ref.startsWith("~");
}

async function isRecipeDir(path: string): Promise<boolean> {
  try {
    return (await stat(join(path, "recipe.yaml"))).isFile();
  } catch {
    return false;
  }
}

/** Throw when the installed scheme does not satisfy the recipe's `scheme_version` range. */
export function checkSchemeVersion(recipe: Recipe, scheme: GenerationScheme): void {
  const range = recipe.scheme_version;
  if (range === undefined) return;
  if (semver.validRange(range) === null) {
    throw new SchemeVersionError(
      `recipe '${recipe.id}' has scheme_version '${range}', which is not a valid semver range (e.g. ^1.0.0)`,
    );
  }
  if (!semver.satisfies(scheme.version, range, { includePrerelease: true })) {
    throw new SchemeVersionError(
      `recipe '${recipe.id}' needs ${scheme.packageName}@${range}, but ${scheme.version} is installed; install a matching version: ${installCommand(scheme.packageName, range)}`,
      { details: { installed: scheme.version, range } },
    );
  }
}

async function schemeForRecipe(
  recipe: Recipe,
  opts: ResolveRecipeOptions,
): Promise<ResolvedRecipe> {
  const loaded = await loadSchemes({ env: opts.env, cwd: opts.cwd, only: [recipe.scheme] });
  const brokenScheme = loaded.broken.find((b) => b.name === recipe.scheme);
  if (brokenScheme) throw brokenScheme.error;
  let { registry } = loaded;
  if (!registry.has(recipe.scheme)) {
    // Not built in and not in LEADFORGE_SCHEMES: try the package-name convention.
    const packageName = schemePackageName(recipe.scheme);
    const isBuiltin = BUILTIN_SCHEMES.some((s) => s.name === recipe.scheme);
    const result = isBuiltin
      ? { status: "missing" as const }
      : await loadSchemePackage({ packageName, cwd: opts.cwd, expectedName: recipe.scheme });
    if (result.status === "missing") {
      throw schemeNotInstalledError({
        name: recipe.scheme,
        packageName,
        range: recipe.scheme_version,
        why: `Recipe '${recipe.id}' needs generation scheme '${recipe.scheme}', which is not installed`,
      });
    }
    registry = loaded.registry;
    for (const s of result.schemes) registry.register(s);
    const scheme = registry.get(recipe.scheme);
    checkSchemeVersion(recipe, scheme);
    return { recipe, scheme, registry, schemeModule: result.moduleUrl };
  }
  const scheme = registry.get(recipe.scheme);
  checkSchemeVersion(recipe, scheme);
  return { recipe, scheme, registry, schemeModule: loaded.moduleUrls.get(scheme.name) };
}

/**
 * Resolve `--recipe`: a path (anything with a slash or a leading dot, or an existing folder
 * holding recipe.yaml when no shipped recipe has that id) is loaded from disk; an id is
 * looked up among the installed schemes' recipes. A built-in recipe whose scheme is missing
 * gets the install command; an unknown id gets the list of known ones.
 */
export async function resolveRecipe(opts: ResolveRecipeOptions): Promise<ResolvedRecipe> {
  const { ref, cwd } = opts;
  if (looksLikePath(ref)) {
    return schemeForRecipe(await (await loadCoreNode()).loadRecipeDir(resolve(cwd, ref)), opts);
  }
  const builtin = BUILTIN_RECIPES.find((r) => r.id === ref);
  const loaded = await loadSchemes({
    env: opts.env,
    cwd,
    ...(builtin ? { only: [builtin.scheme] } : {}),
  });
  const { registry } = loaded;
  const brokenScheme = loaded.broken.find((b) => b.name === builtin?.scheme);
  if (brokenScheme) throw brokenScheme.error;
  const shipped = registry.list().some((s) => s.recipes.some((r) => r.id === ref));
  if (shipped) {
    const recipe = findRecipe(ref, registry);
    const scheme = registry.get(recipe.scheme);
    checkSchemeVersion(recipe, scheme);
    return { recipe, scheme, registry, schemeModule: loaded.moduleUrls.get(scheme.name) };
  }
  if (builtin && !registry.has(builtin.scheme)) {
    const packageName = schemePackageName(builtin.scheme);
    throw schemeNotInstalledError({
      name: builtin.scheme,
      packageName,
      why: `Recipe '${ref}' needs generation scheme '${builtin.scheme}', which is not installed`,
    });
  }
  if (await isRecipeDir(resolve(cwd, ref))) {
    return schemeForRecipe(await (await loadCoreNode()).loadRecipeDir(resolve(cwd, ref)), opts);
  }
  const installed = listRecipes(registry).map((r) => r.id);
  const notInstalled = BUILTIN_RECIPES.filter((r) => !installed.includes(r.id)).map(
    (r) => `${r.id} (scheme ${r.scheme} not installed)`,
  );
  const known = [...installed, ...notInstalled];
  throw new UnknownRecipeError(
    `Unknown recipe '${ref}'. Known recipes: ${known.length ? known.join(", ") : "(none)"}. Run 'leadforge list-recipes', or pass a path to a recipe folder.`,
    { details: { id: ref, known: installed } },
  );
}
