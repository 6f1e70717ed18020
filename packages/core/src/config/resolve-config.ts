import type { z } from "zod";
import { InvalidConfigError } from "../errors/errors.js";
import type { GenerationScheme, ResolvedConfig } from "../scheme/types.js";
import { COMMON_CONFIG_KEYS, commonConfigSchema } from "./common-config.js";
import { formatZodIssues } from "./format-zod-issues.js";
import type { Recipe } from "./recipe-schema.js";

/** Inputs to {@link resolveConfig}. */
export interface ResolveConfigOptions {
  /** The scheme that will render the recipe. */
  readonly scheme: GenerationScheme;
  /** The recipe. */
  readonly recipe: Recipe;
  /** Flat keys from an override file (lower precedence than `options`). */
  readonly override?: Readonly<Record<string, unknown>>;
  /** Flat keys given explicitly (CLI flags, API options); `undefined` means "not given". */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Label for the override layer in messages, e.g. the file path. @default "override" */
  readonly overrideLabel?: string;
}

function checkKeys(
  layer: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  label: string,
): void {
  const unknown = Object.keys(layer).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) {
    throw new InvalidConfigError(
      `${label}: unknown key${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `'${k}'`).join(", ")}; allowed keys: ${[...allowed].sort().join(", ")}`,
      { details: { field: unknown[0], allowed } },
    );
  }
}

function defined(layer: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(layer ?? {}).filter(([, v]) => v !== undefined));
}

/**
 * Resolve a run's configuration. Precedence, highest first: explicit options > override
 * file > recipe > defaults. Unknown keys are rejected; every message names the field, the
 * value and what is allowed.
 */
export function resolveConfig<TParams>(opts: ResolveConfigOptions): ResolvedConfig<TParams> {
  const { scheme, recipe } = opts;
  if (recipe.scheme !== scheme.name) {
    throw new InvalidConfigError(
      `recipe '${recipe.id}' is for scheme '${recipe.scheme}', not '${scheme.name}'`,
    );
  }
  const paramKeys = Object.keys(scheme.paramsSchema.shape);
  const allowed = [...COMMON_CONFIG_KEYS, ...paramKeys];
  const override = defined(opts.override);
  const options = defined(opts.options);
  checkKeys(override, allowed, opts.overrideLabel ?? "override");
  checkKeys(options, allowed, "options");
  checkKeys(recipe.default_population, paramKeys, `recipe '${recipe.id}' default_population`);
  checkKeys(recipe.params, paramKeys, `recipe '${recipe.id}' params`);

  const recipeLayer: Record<string, unknown> = { ...recipe.default_population, ...recipe.params };
  if (recipe.primary_task !== undefined && paramKeys.includes("primary_task")) {
    recipeLayer.primary_task = recipe.primary_task;
  }
  const merged: Record<string, unknown> = { ...recipeLayer, ...override, ...options };

  const pick = (keys: readonly string[]) =>
    Object.fromEntries(Object.entries(merged).filter(([k]) => keys.includes(k)));
  const commonInput = pick(COMMON_CONFIG_KEYS);
  const paramsInput = pick(paramKeys);

  const common = commonConfigSchema.safeParse(commonInput);
  if (!common.success) {
    throw new InvalidConfigError(
      `Invalid config: ${formatZodIssues(common.error, commonInput).join("; ")}`,
    );
  }
  const params = scheme.paramsSchema.safeParse(paramsInput);
  if (!params.success) {
    throw new InvalidConfigError(
      `Invalid config: ${formatZodIssues(params.error as z.ZodError, paramsInput).join("; ")}`,
    );
  }
  const { exposure_mode, difficulty } = common.data;
  if (!recipe.supported_modes.includes(exposure_mode)) {
    throw new InvalidConfigError(
      `exposure_mode: got "${exposure_mode}"; recipe '${recipe.id}' supports: ${recipe.supported_modes.join(", ")}`,
    );
  }
  if (!recipe.supported_difficulty.includes(difficulty)) {
    throw new InvalidConfigError(
      `difficulty: got "${difficulty}"; recipe '${recipe.id}' supports: ${recipe.supported_difficulty.join(", ")}`,
    );
  }
  return {
    recipe_id: recipe.id,
    scheme: scheme.name,
    common: common.data,
    params: params.data as TParams,
  };
}

/** The flat view of a resolved config (what manifests record and override files accept). */
export function flattenConfig(config: ResolvedConfig): Record<string, unknown> {
  return { recipe_id: config.recipe_id, scheme: config.scheme, ...config.common, ...config.params };
}
