// Build a BuildContext for the shipped recipe (scripts only: analysis and benchmarks).
import { type BuildContext, createRngRoot, parseRecipe, resolveConfig } from "@leadforge/core";
import type { LifecycleNarrative } from "../src/narrative.js";
import type { LifecycleParams } from "../src/params.js";
import type { LifecycleProfile } from "../src/profile.js";
import { RECIPES } from "../src/recipes.generated.js";
import { lifecycleScheme } from "../src/scheme.js";

export function makeContext(
  options: Record<string, unknown>,
): BuildContext<LifecycleParams, LifecycleNarrative, LifecycleProfile> {
  const recipe = parseRecipe(RECIPES[0]!);
  const config = resolveConfig<LifecycleParams>({ scheme: lifecycleScheme, recipe, options });
  return {
    config,
    recipe,
    narrative: lifecycleScheme.narrativeSchema.parse(recipe.narrative),
    profile: lifecycleScheme.profileSchema.parse(
      recipe.difficultyProfiles[config.common.difficulty],
    ),
    rng: createRngRoot(config.common.seed),
    progress: () => {},
  };
}
