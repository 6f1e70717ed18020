import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  generateBundle,
  InvalidConfigError,
  InvalidRecipeError,
  type LeadforgeError,
  parseRecipe,
  type RecipeSource,
} from "@leadforge/core";
import { describe, expect, it } from "vitest";
import { resolvePopulationSizes } from "../src/params.js";
import { RECIPES } from "../src/recipes.generated.js";
import { leadScoringScheme } from "../src/scheme.js";
import { generate, registryWith, SMALL } from "./helpers.js";

const shipped = RECIPES[0]!;

function expectError(
  fn: () => unknown,
  type: abstract new (...args: never[]) => LeadforgeError,
  pattern: RegExp,
) {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as Error).message).toMatch(pattern);
}

describe("params and overrides", () => {
  it("derives accounts and contacts from n_leads at the reference ratios", () => {
    const p = leadScoringScheme.paramsSchema.parse({});
    expect(resolvePopulationSizes(p as never)).toEqual({
      nAccounts: 1500,
      nContacts: 4200,
      nLeads: 5000,
    });
    const q = leadScoringScheme.paramsSchema.parse({ n_leads: 1000 });
    expect(resolvePopulationSizes(q as never)).toEqual({
      nAccounts: 300,
      nContacts: 840,
      nLeads: 1000,
    });
    const r = leadScoringScheme.paramsSchema.parse({ n_leads: 1000, n_accounts: 50 });
    expect(resolvePopulationSizes(r as never).nAccounts).toBe(50);
  });

  it("realised counts land in the manifest", () => {
    const b = generate({ seed: 1, n_leads: SMALL, n_accounts: 40 });
    expect(b.manifestDraft.n_accounts).toBe(40);
    expect(b.manifestDraft.n_contacts).toBe(252);
    expect(b.manifestDraft.n_leads).toBe(SMALL);
  });

  it("rejects an unknown override key, naming it and the allowed keys", () => {
    expectError(
      () => generate({ n_leadz: 10 }),
      InvalidConfigError,
      /unknown key 'n_leadz'.*n_leads/,
    );
  });

  it("rejects a label window longer than the horizon", () => {
    expectError(
      () => generate({ horizon_days: 60, label_window_days: 90 }),
      InvalidConfigError,
      /label_window_days.*≤ horizon_days \(60\), got 90/,
    );
  });

  it("rejects a snapshot after the label window", () => {
    expectError(
      () => generate({ label_window_days: 20, snapshot_day: 30 }),
      InvalidConfigError,
      /snapshot_day.*≤ label_window_days \(20\), got 30/,
    );
  });

  it("rejects bad values with the field and the value", () => {
    expectError(() => generate({ n_leads: 0 }), InvalidConfigError, /n_leads/);
    expectError(() => generate({ motif_family: "nope" }), InvalidConfigError, /motif_family/);
    expectError(() => generate({ difficulty: "expert" }), InvalidConfigError, /difficulty/);
  });

  it("pins the motif family when asked", () => {
    const b = generate({
      seed: 1,
      n_leads: SMALL,
      motif_family: "buying_committee_friction",
      exposure_mode: "research_instructor",
    });
    expect(b.manifestDraft.motif_family).toBe("buying_committee_friction");
  });
});

describe("recipe validation", () => {
  const withFile = (patch: Partial<RecipeSource>): RecipeSource => ({ ...shipped, ...patch });

  it("the shipped recipe parses and validates", () => {
    const recipe = parseRecipe(shipped);
    expect(recipe.scheme).toBe("lead_scoring");
    for (const tier of recipe.supported_difficulty) {
      expect(
        leadScoringScheme.profileSchema.safeParse(recipe.difficultyProfiles[tier]).success,
      ).toBe(true);
    }
    expect(leadScoringScheme.narrativeSchema.safeParse(recipe.narrative).success).toBe(true);
  });

  it("rejects an unknown recipe key", () => {
    expectError(
      () => parseRecipe(withFile({ recipe: `${shipped.recipe}\nbogus: 1\n` })),
      InvalidRecipeError,
      /bogus/,
    );
  });

  it("rejects an unknown params key in recipe.yaml", () => {
    const recipe = parseRecipe(
      withFile({ recipe: shipped.recipe.replace("params:\n", "params:\n  warp_factor: 9\n") }),
    );
    expectError(
      () => generateBundle({ recipe, registry: registryWith(), options: { n_leads: SMALL } }),
      InvalidConfigError,
      /params: unknown key 'warp_factor'/,
    );
  });

  it("rejects a difficulty profile with a missing knob, naming it", () => {
    const profiles = shipped.difficultyProfiles!.replace(/\n {2}late_noise: [^\n]+/, "");
    const recipe = parseRecipe(withFile({ difficultyProfiles: profiles }));
    expectError(
      () =>
        generateBundle({
          recipe,
          registry: registryWith(),
          options: { n_leads: SMALL, difficulty: "intro" },
        }),
      InvalidRecipeError,
      /intro.*late_noise/,
    );
  });

  it("rejects a narrative without industries", () => {
    const narrative = shipped.narrative!.replace(
      / {2}icp_industries:\n( {4}- [^\n]+\n)+/,
      "  icp_industries: []\n",
    );
    const recipe = parseRecipe(withFile({ narrative }));
    expectError(
      () => generateBundle({ recipe, registry: registryWith(), options: { n_leads: SMALL } }),
      InvalidRecipeError,
      /narrative.*icp_industries/,
    );
  });
});

describe("embedded recipes", () => {
  it("src/recipes.generated.ts matches recipes/ (node scripts/embed-recipes.mjs --check)", () => {
    const root = join(import.meta.dirname, "..", "..", "..");
    expect(() =>
      execFileSync("node", ["scripts/embed-recipes.mjs", "--check"], { cwd: root, stdio: "pipe" }),
    ).not.toThrow();
  });
});
