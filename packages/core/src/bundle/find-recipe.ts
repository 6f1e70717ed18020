import { parseRecipe } from "../config/parse-recipe.js";
import type { Recipe } from "../config/recipe-schema.js";
import { UnknownRecipeError } from "../errors/errors.js";
import type { SchemeRegistry } from "../scheme/registry.js";

/** Every recipe shipped by a registered scheme, parsed, sorted by id. */
export function listRecipes(registry: SchemeRegistry): Recipe[] {
  return registry
    .list()
    .flatMap((s) => s.recipes.map((r) => parseRecipe(r)))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Find a shipped recipe by id among the registered schemes; unknown ids list the known ones. */
export function findRecipe(id: string, registry: SchemeRegistry): Recipe {
  for (const s of registry.list()) {
    const src = s.recipes.find((r) => r.id === id);
    if (src) return parseRecipe(src);
  }
  const known = listRecipes(registry).map((r) => r.id);
  throw new UnknownRecipeError(
    `Unknown recipe '${id}'. Known recipes: ${known.length ? known.join(", ") : "(none — no scheme package is installed)"}`,
    { details: { id, known } },
  );
}
