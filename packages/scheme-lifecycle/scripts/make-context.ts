// Build a BuildContext for the shipped recipe (scripts only: analysis and benchmarks).
import { createRngRoot, parseRecipe, resolveConfig } from "@leadforge/core";
import { RECIPES } from "../src/recipes.generated.js";
import { lifecycleScheme } from "../src/scheme.js";

export function makeContext(options: Record<string, unknown>) {
  const recipe = parseRecipe(RECIPES[0]!);
  const config = resolveConfig<any>({ scheme: lifecycleScheme, recipe, options });
  return {
    config,
    recipe,
    narrative: lifecycleScheme.narrativeSchema.parse(recipe.narrative),
    profile: lifecycleScheme.profileSchema.parse(recipe.difficultyProfiles[config.common.difficulty]),
    rng: createRngRoot(config.common.seed),
    progress: () => {},
  } as any;
}
