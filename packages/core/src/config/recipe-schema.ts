import { z } from "zod";
import { DIFFICULTY_TIERS, EXPOSURE_MODES } from "./enums.js";

const snakeId = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case (a-z, 0-9, _)");

/**
 * Schema of `recipes/<id>/recipe.yaml`. Unknown keys are errors. Scheme-specific defaults
 * go under `params` and are validated by the scheme's own params schema.
 */
export const recipeFileSchema = z.strictObject({
  /** Recipe id; must equal the folder name. */
  id: snakeId,
  /** Human title. */
  title: z.string().min(1),
  /** Market vertical, e.g. `mid_market_b2b_saas`. */
  vertical: z.string().min(1),
  /** What the recipe simulates. */
  description: z.string().min(1),
  /** Name of the generation scheme that renders this recipe. */
  scheme: snakeId,
  /** Semver range of the scheme package this recipe needs, e.g. `^1.0.0`. */
  scheme_version: z.string().min(1).optional(),
  /** The headline task id. */
  primary_task: snakeId.optional(),
  /** Exposure modes the recipe supports. */
  supported_modes: z.array(z.enum(EXPOSURE_MODES)).min(1),
  /** Difficulty tiers the recipe supports. */
  supported_difficulty: z.array(z.enum(DIFFICULTY_TIERS)).min(1),
  /** Default population sizes (`n_leads`, `n_accounts`, `n_customers`, …). */
  default_population: z.record(z.string(), z.int().positive()).default({}),
  /** Scheme-specific defaults (validated by the scheme). */
  params: z.record(z.string(), z.unknown()).default({}),
});

/** A parsed `recipe.yaml`. */
export type RecipeFile = z.output<typeof recipeFileSchema>;

/** A recipe with its narrative and difficulty profiles, ready for a scheme. */
export interface Recipe extends RecipeFile {
  /** Parsed `narrative.yaml` (validated by the scheme), or null when absent. */
  readonly narrative: unknown;
  /** Parsed `difficulty_profiles.yaml`: tier → profile (validated by the scheme). */
  readonly difficultyProfiles: Readonly<Record<string, unknown>>;
  /** Where it came from: `builtin:<package>` or a folder path. */
  readonly source: string;
}

/** The raw text of a recipe folder's files. */
export interface RecipeSource {
  /** Folder name (= recipe id). */
  readonly id: string;
  /** Contents of `recipe.yaml`. */
  readonly recipe: string;
  /** Contents of `narrative.yaml`, if present. */
  readonly narrative?: string;
  /** Contents of `difficulty_profiles.yaml`, if present. */
  readonly difficultyProfiles?: string;
  /** Provenance label for messages. */
  readonly source: string;
}
