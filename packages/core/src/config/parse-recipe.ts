import { parse as parseYaml } from "yaml";
import { InvalidRecipeError } from "../errors/errors.js";
import { DIFFICULTY_TIERS } from "./enums.js";
import { formatZodIssues } from "./format-zod-issues.js";
import { type Recipe, type RecipeSource, recipeFileSchema } from "./recipe-schema.js";

function loadYaml(text: string, file: string, source: string): unknown {
  try {
    // YAML 1.2 core schema: `yes`/`no` stay strings (documented difference from the reference).
    return parseYaml(text, { version: "1.2", uniqueKeys: true });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
    throw new InvalidRecipeError(`Failed to parse YAML at '${source}/${file}': ${detail}`, {
      cause,
    });
  }
}

/**
 * Parse and validate a recipe from the text of its files. Isomorphic: the node entry
 * reads the folder, scheme packages embed their recipes' text.
 */
export function parseRecipe(src: RecipeSource): Recipe {
  const raw = loadYaml(src.recipe, "recipe.yaml", src.source);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new InvalidRecipeError(`${src.source}/recipe.yaml must be a YAML mapping`);
  }
  const parsed = recipeFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = formatZodIssues(parsed.error, raw);
    throw new InvalidRecipeError(
      `Invalid recipe '${src.id}' (${src.source}/recipe.yaml): ${lines.join("; ")}`,
      {
        details: { issues: lines },
      },
    );
  }
  if (parsed.data.id !== src.id) {
    throw new InvalidRecipeError(
      `Recipe id '${parsed.data.id}' in ${src.source}/recipe.yaml does not match its folder name '${src.id}'`,
    );
  }
  const narrative =
    src.narrative === undefined
      ? null
      : (loadYaml(src.narrative, "narrative.yaml", src.source) ?? null);
  if (narrative !== null && (typeof narrative !== "object" || Array.isArray(narrative))) {
    throw new InvalidRecipeError(`${src.source}/narrative.yaml must be a YAML mapping`);
  }
  const profilesRaw =
    src.difficultyProfiles === undefined
      ? {}
      : (loadYaml(src.difficultyProfiles, "difficulty_profiles.yaml", src.source) ?? {});
  if (typeof profilesRaw !== "object" || Array.isArray(profilesRaw)) {
    throw new InvalidRecipeError(`${src.source}/difficulty_profiles.yaml must be a YAML mapping`);
  }
  for (const tier of Object.keys(profilesRaw)) {
    if (!(DIFFICULTY_TIERS as readonly string[]).includes(tier)) {
      throw new InvalidRecipeError(
        `${src.source}/difficulty_profiles.yaml: unknown tier '${tier}'; allowed: ${DIFFICULTY_TIERS.join(", ")}`,
      );
    }
  }
  for (const tier of parsed.data.supported_difficulty) {
    if (src.difficultyProfiles !== undefined && !(tier in profilesRaw)) {
      throw new InvalidRecipeError(
        `${src.source}/difficulty_profiles.yaml has no profile for supported tier '${tier}'`,
      );
    }
  }
  return {
    ...parsed.data,
    narrative,
    difficultyProfiles: profilesRaw as Record<string, unknown>,
    source: src.source,
  };
}
