import { describe, expect, it } from "vitest";
import type { LifecycleWorld } from "../src/build-world.js";
import { buildWorld, generate } from "./helpers.js";

function customerSlice(w: LifecycleWorld, i: number) {
  const lg = w.ledger;
  const range = (start: number[], cols: ArrayLike<number>[]) =>
    cols.map((c) => Array.from(c).slice(start[i]!, start[i + 1]!));
  return {
    customer: w.customers[i],
    final: [w.final.mrr[i], w.final.churnWeek[i], w.final.churnReason[i], w.final.renewals[i]],
    ev: range(lg.evStart, [lg.evWeek, lg.evType, lg.evMrrBefore, lg.evMrrAfter, lg.evSecond]),
    sig: range(lg.sigStart, [lg.sigWeek, lg.sigActiveUsers, lg.sigDepth, lg.sigTickets, lg.sigNps]),
    inv: range(lg.invStart, [lg.invWeek, lg.invAmount, lg.invStatus, lg.invResolvedWeek]),
  };
}

describe("customer independence", () => {
  it("gives a customer the same history whatever other customers exist", () => {
    const small = buildWorld({ seed: 5, n_customers: 120, n_accounts: 40 });
    const large = buildWorld({ seed: 5, n_customers: 260, n_accounts: 40 });
    for (let i = 0; i < 120; i++) expect(customerSlice(large, i)).toEqual(customerSlice(small, i));
  });

  it("changes with the seed, and is reproducible with it", () => {
    const a = buildWorld({ seed: 5, n_customers: 60 });
    const b = buildWorld({ seed: 5, n_customers: 60 });
    const c = buildWorld({ seed: 6, n_customers: 60 });
    expect(customerSlice(a, 3)).toEqual(customerSlice(b, 3));
    expect(customerSlice(a, 3)).not.toEqual(customerSlice(c, 3));
  });

  it("leaves the world unchanged by the exposure mode", () => {
    const pub = generate({ seed: 9, n_customers: 80, exposure_mode: "student_public" });
    const ins = generate({ seed: 9, n_customers: 80, exposure_mode: "research_instructor" });
    expect(pub.tables[1]).toEqual(ins.tables[1]);
    expect(pub.manifestDraft.motif_family).toBe(ins.manifestDraft.motif_family);
  });
});

describe("partitioned building (worker threads)", () => {
  it("merges consecutive customer ranges into exactly the single-piece world", async () => {
    const { parseRecipe, resolveConfig, createRngRoot } = await import("@leadforge/core");
    const { RECIPES } = await import("../src/recipes.generated.js");
    const { lifecycleScheme } = await import("../src/scheme.js");
    const { buildLifecycleWorld, mergeLifecycleWorlds } = await import("../src/build-world.js");
    const recipe = parseRecipe(RECIPES[0]!);
    const config = resolveConfig<never>({
      scheme: lifecycleScheme,
      recipe,
      options: { seed: 13, n_customers: 150 },
    });
    const ctx = (unitRange?: { start: number; end: number }) =>
      ({
        config,
        recipe,
        narrative: lifecycleScheme.narrativeSchema.parse(recipe.narrative),
        profile: lifecycleScheme.profileSchema.parse(recipe.difficultyProfiles.intermediate),
        rng: createRngRoot(13),
        progress: () => {},
        ...(unitRange ? { unitRange } : {}),
      }) as never;
    const whole = buildLifecycleWorld(ctx());
    // Worker results arrive as structured clones.
    const parts = [
      { start: 0, end: 61 },
      { start: 61, end: 62 },
      { start: 62, end: 150 },
    ].map((r) => structuredClone(buildLifecycleWorld(ctx(r))));
    const merged = mergeLifecycleWorlds(parts);
    expect(merged.customers).toEqual(whole.customers);
    expect(merged.final).toEqual(whole.final);
    expect(merged.cutoffStates).toEqual(whole.cutoffStates);
    for (const k of Object.keys(whole.ledger) as (keyof typeof whole.ledger)[]) {
      expect(Array.from(merged.ledger[k] as ArrayLike<number>), String(k)).toEqual(
        Array.from(whole.ledger[k] as ArrayLike<number>),
      );
    }
    expect(lifecycleScheme.partition?.unitCount(config)).toBe(150);
  });
});
