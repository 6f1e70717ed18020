import { describe, expect, it } from "vitest";
import { InvalidConfigError, parseRecipe, type Recipe, resolveConfig } from "../src/index.js";
import { toyScheme } from "./fixtures/toy-scheme.js";

const recipe: Recipe = parseRecipe(toyScheme.recipes[0]!);
const resolve = (override?: Record<string, unknown>, options?: Record<string, unknown>) =>
  resolveConfig<{ n_customers: number; cutoff_day: number }>({
    scheme: toyScheme,
    recipe,
    ...(override ? { override } : {}),
    ...(options ? { options } : {}),
  });

describe("resolveConfig precedence", () => {
  it("applies defaults, then recipe, then override, then explicit options", () => {
    const base = resolve();
    expect(base.common).toMatchObject({
      seed: 42,
      exposure_mode: "student_public",
      difficulty: "intermediate",
    });
    expect(base.common.split_strategy).toBe("grouped");
    expect(base.common.split_ratios).toEqual({ train: 0.7, valid: 0.15, test: 0.15 });
    expect(base.params).toEqual({ n_customers: 40, cutoff_day: 10 });

    const over = resolve({ n_customers: 12, seed: 7, difficulty: "advanced" });
    expect(over.params.n_customers).toBe(12);
    expect(over.common.seed).toBe(7);
    expect(over.common.difficulty).toBe("advanced");

    const both = resolve({ n_customers: 12, seed: 7 }, { seed: 9, n_customers: undefined });
    expect(both.common.seed).toBe(9);
    expect(both.params.n_customers).toBe(12); // an option not given does not clobber the file
  });

  it("rejects unknown keys naming them and the allowed keys", () => {
    expect(() => resolve({ n_leads: 5 })).toThrow(
      /override: unknown key 'n_leads'; allowed keys: .*n_customers/,
    );
    expect(() => resolve(undefined, { colour: "red" })).toThrow(InvalidConfigError);
  });

  it("names field, value and what is allowed for bad values", () => {
    expect(() => resolve({ difficulty: "expert" })).toThrow(
      /difficulty: got "expert"; allowed: "intro", "intermediate", "advanced"/,
    );
    expect(() => resolve({ exposure_mode: "teacher" })).toThrow(/exposure_mode: got "teacher"/);
    expect(() => resolve({ seed: -1 })).toThrow(/seed: got -1; must be ≥ 0/);
    expect(() => resolve({ seed: 1.5 })).toThrow(/seed: got 1.5; expected int/);
    expect(() => resolve({ n_customers: 0 })).toThrow(/n_customers: got 0; must be > 0/);
    expect(() => resolve({ split_strategy: "time" })).toThrow(/split_strategy: got "time"/);
    expect(() => resolve({ split_ratios: { train: 0.5, valid: 0.1, test: 0.1 } })).toThrow(
      /sum to 1/,
    );
    expect(() => resolve({ format: "xlsx" })).toThrow(
      /format: got "xlsx"; allowed: "parquet", "csv", "both"/,
    );
  });

  it("enforces the recipe's supported modes and tiers", () => {
    const narrow = { ...recipe, supported_difficulty: ["intro" as const] };
    expect(() =>
      resolveConfig({ scheme: toyScheme, recipe: narrow, options: { difficulty: "advanced" } }),
    ).toThrow(/recipe 'toy_recipe_v1' supports: intro/);
  });
});

describe("parseRecipe", () => {
  const src = toyScheme.recipes[0]!;
  it("rejects unknown keys, bad enums, id/folder mismatch and YAML errors", () => {
    expect(() => parseRecipe({ ...src, recipe: `${src.recipe}colour: red\n` })).toThrow(
      /unknown key 'colour'/,
    );
    expect(() =>
      parseRecipe({
        ...src,
        recipe: src.recipe.replace("[intro, intermediate, advanced]", "[intro, expert]"),
      }),
    ).toThrow(/supported_difficulty\.1: got "expert"/);
    expect(() => parseRecipe({ ...src, id: "other" })).toThrow(
      /does not match its folder name 'other'/,
    );
    expect(() => parseRecipe({ ...src, recipe: "id: [unclosed" })).toThrow(/Failed to parse YAML/);
    expect(() => parseRecipe({ ...src, difficultyProfiles: "expert: {}\n" })).toThrow(
      /unknown tier 'expert'/,
    );
    expect(() => parseRecipe({ ...src, difficultyProfiles: "intro: { noise: 1 }\n" })).toThrow(
      /no profile for supported tier 'intermediate'/,
    );
  });
});
