import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parseRecipe } from "../config/parse-recipe.js";
import type { Recipe, RecipeSource } from "../config/recipe-schema.js";
import { InvalidRecipeError } from "../errors/errors.js";

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new InvalidRecipeError(`Cannot read '${path}': ${(e as Error).message}`, { cause: e });
  }
}

/** Read the raw files of a recipe folder (`recipe.yaml`, optional narrative and profiles). */
export async function readRecipeSource(dir: string): Promise<RecipeSource> {
  const abs = resolve(dir);
  const recipe = await readOptional(join(abs, "recipe.yaml"));
  if (recipe === undefined) {
    throw new InvalidRecipeError(`'${dir}' is not a recipe folder: it has no recipe.yaml`);
  }
  const narrative = await readOptional(join(abs, "narrative.yaml"));
  const difficultyProfiles = await readOptional(join(abs, "difficulty_profiles.yaml"));
  return {
    id: basename(abs),
    recipe,
    ...(narrative !== undefined ? { narrative } : {}),
    ...(difficultyProfiles !== undefined ? { difficultyProfiles } : {}),
    source: dir,
  };
}

/** Load and validate a recipe folder from disk. */
export async function loadRecipeDir(dir: string): Promise<Recipe> {
  return parseRecipe(await readRecipeSource(dir));
}

/** Read every recipe folder under `root` (folders containing `recipe.yaml`), sorted by id. */
export async function readRecipeSources(root: string): Promise<RecipeSource[]> {
  const out: RecipeSource[] = [];
  for (const name of (await readdir(root)).sort()) {
    const dir = join(root, name);
    if (
      (await stat(dir)).isDirectory() &&
      (await readOptional(join(dir, "recipe.yaml"))) !== undefined
    ) {
      out.push(await readRecipeSource(dir));
    }
  }
  return out;
}
