import { describe, expect, it } from "vitest";
import { createRegistry, generateBundle, parseRecipe, prepareRun } from "../src/index.js";
import { toyScheme } from "./fixtures/toy-scheme.js";

const registry = createRegistry();
registry.register(toyScheme);
const src = toyScheme.recipes[0]!;

describe("prepareRun", () => {
  it("accepts a recipe whose scheme_version range the installed scheme satisfies", () => {
    const recipe = parseRecipe({ ...src, recipe: `${src.recipe}scheme_version: ^1.2.0\n` });
    expect(prepareRun({ recipe, registry }).config.scheme).toBe("toy");
  });

  it("refuses a recipe that needs another scheme version, naming both and the install command", () => {
    const recipe = parseRecipe({ ...src, recipe: `${src.recipe}scheme_version: ^2.0.0\n` });
    expect(() => generateBundle({ recipe, registry })).toThrow(
      /needs @leadforge\/scheme-toy@\^2\.0\.0, but 1\.2\.3 is installed.*pnpm add @leadforge\/scheme-toy@"\^2\.0\.0"/,
    );
  });

  it("validates the difficulty profile with the scheme's schema", () => {
    const recipe = parseRecipe({
      ...src,
      difficultyProfiles:
        "intro: { noise: -1 }\nintermediate: { noise: 0.3 }\nadvanced: { noise: 0.6 }\n",
    });
    expect(() => prepareRun({ recipe, registry, options: { difficulty: "intro" } })).toThrow(
      /Invalid difficulty profile 'intro' in recipe 'toy_recipe_v1': noise: got -1; must be ≥ 0/,
    );
  });

  it("rejects unknown recipes listing the known ones", () => {
    expect(() => generateBundle({ recipe: "nope", registry })).toThrow(
      /Unknown recipe 'nope'. Known recipes: toy_recipe_v1/,
    );
  });
});
