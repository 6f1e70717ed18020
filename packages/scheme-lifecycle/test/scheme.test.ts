import { execFileSync } from "node:child_process";
import { join } from "node:path";
import {
  createRegistry,
  getDefaultRegistry,
  InvalidConfigError,
  listRecipes,
} from "@leadforge/core";
import { describe, expect, it } from "vitest";
import { lifecycleScheme } from "../src/index.js";
import { generate, lifecycleRegistry } from "./helpers.js";

describe("lifecycle scheme", () => {
  it("registers itself on import, idempotently", () => {
    expect(getDefaultRegistry().get("lifecycle")).toBe(lifecycleScheme);
    const r = createRegistry();
    r.register(lifecycleScheme);
    r.register(lifecycleScheme);
    expect(r.list()).toHaveLength(1);
  });

  it("ships the b2b_saas_ltv_v1 recipe with three tiers and both modes", () => {
    const [recipe] = listRecipes(lifecycleRegistry());
    expect(recipe!.id).toBe("b2b_saas_ltv_v1");
    expect(recipe!.scheme).toBe("lifecycle");
    expect(Object.keys(recipe!.difficultyProfiles).sort()).toEqual([
      "advanced",
      "intermediate",
      "intro",
    ]);
    expect(recipe!.supported_modes).toEqual(["student_public", "research_instructor"]);
  });

  it("embeds recipes/ verbatim (scripts/embed-recipes.mjs --check)", () => {
    const root = join(import.meta.dirname, "..", "..", "..");
    expect(() =>
      execFileSync(process.execPath, [join(root, "scripts", "embed-recipes.mjs"), "--check"], {
        stdio: "pipe",
      }),
    ).not.toThrow();
  });

  it("rejects bad params with the field named", () => {
    expect(() => generate({ n_customers: 0 })).toThrow(InvalidConfigError);
    expect(() => generate({ observation_date: "2026-02-30" })).toThrow(/observation_date/);
    expect(() => generate({ public_regime: "weekly" })).toThrow(/public_regime/);
    expect(() => generate({ forward_windows_days: [30] })).toThrow(/forward_windows_days/);
  });

  it("publishes at least two industries and regions (narrative vocabularies)", () => {
    const b = generate({ n_customers: 60, seed: 3 });
    const acct = b.tables.find((t) => t.spec.name === "accounts")!;
    for (const name of ["industry", "region"]) {
      const j = acct.spec.columns.findIndex((c) => c.name === name);
      expect(new Set(acct.columns[j] as unknown[]).size).toBeGreaterThanOrEqual(2);
    }
  });

  it("changes the world with the difficulty tier, not only the measurements", () => {
    const a = generate({ n_customers: 80, seed: 3, difficulty: "intro" });
    const b = generate({ n_customers: 80, seed: 3, difficulty: "advanced" });
    const events = (x: typeof a) =>
      x.tables.find((t) => t.spec.name === "subscription_events")!.length;
    expect(events(a)).not.toBe(events(b));
  });
});
