import { describe, expect, it } from "vitest";
import { buildWorld, type LeadScoringWorld } from "../src/build-world.js";
import { HAZARD_SLOTS } from "../src/mechanisms.js";
import { mergeWorlds } from "../src/merge-worlds.js";
import { oracleScores, priorScores } from "../src/oracle-scores.js";
import { HIDDEN_TRAIT_FIELDS } from "../src/population.js";
import { DRIVER_SLOTS } from "../src/simulate-account.js";
import { world, worldContext } from "./helpers.js";

function eventColumns(w: LeadScoringWorld) {
  return (["touches", "sessions", "activities"] as const).flatMap((name) =>
    Object.entries(w.events[name].cols).map(([key, col]) => ({
      name: `${name}.${key}`,
      rows: w.events[name].length,
      col,
    })),
  );
}

describe("world memory", () => {
  it("a public world carries no hidden truth; an instructor world keeps all of it", () => {
    const pub = world({ seed: 3, n_leads: 200, exposure_mode: "student_public" });
    const ins = world({ seed: 3, n_leads: 200, exposure_mode: "research_instructor" });
    expect(pub.outcomes.hazards.length).toBe(0);
    expect(pub.outcomes.drivers.length).toBe(0);
    for (const k of HIDDEN_TRAIT_FIELDS) expect(pub.pop[k].length, k).toBe(0);
    expect(pub.outcomes.oracle.length).toBe(0);
    expect(pub.outcomes.prior.length).toBe(0);
    // The instructor oracle and prior are computed with the world, equal to a fresh scoring.
    expect(Array.from(ins.outcomes.oracle)).toEqual(
      Array.from(
        oracleScores({ ...ins, outcomes: { ...ins.outcomes, oracle: new Float64Array(0) } }),
      ),
    );
    expect(Array.from(ins.outcomes.prior)).toEqual(Array.from(priorScores(ins)));
    expect(ins.outcomes.oracle.some((p) => p > 0 && p < 1)).toBe(true);
    expect(ins.outcomes.hazards.length).toBe(200 * HAZARD_SLOTS);
    expect(ins.outcomes.drivers.length).toBe(200 * DRIVER_SLOTS);
    expect(ins.pop.leadNoise.length).toBe(200);
    expect(ins.pop.leadDisturbance.length).toBe(200 * ins.pop.nDisturbances);
    // Everything the public render reads is the same: the outcomes, the horizon touch
    // counts (the trap) and the events up to the snapshot — the only ones it keeps.
    expect(Array.from(pub.outcomes.convDay)).toEqual(Array.from(ins.outcomes.convDay));
    expect(Array.from(pub.outcomes.horizonTouches)).toEqual(
      Array.from(ins.outcomes.horizonTouches),
    );
    const W = pub.params.snapshot_day;
    for (const name of ["touches", "sessions", "activities"] as const) {
      const early = (w: LeadScoringWorld) => {
        const { t, sec } = w.events[name].cols;
        return Array.from(sec).filter((_, r) => t[r]! <= W);
      };
      expect(
        Array.from(pub.events[name].cols.t).every((t) => t <= W),
        name,
      ).toBe(true);
      expect(early(pub), name).toEqual(early(ins));
      expect(pub.events[name].length, name).toBeLessThan(ins.events[name].length);
    }
    let total = 0;
    for (const c of ins.outcomes.horizonTouches) total += c;
    expect(total).toBe(ins.events.touches.length);
  });

  it("event columns hold exactly their rows, in a part and after merging", () => {
    const full = world({ seed: 4, n_leads: 300 });
    for (const { name, rows, col } of eventColumns(full)) expect(col.length, name).toBe(rows);
  });

  it("merging consumes the parts into the first part's per-lead arrays", () => {
    const options = { seed: 6, n_leads: 300, exposure_mode: "research_instructor" };
    const single = world(options);
    const n = single.pop.nAccounts;
    const parts = [
      { start: 0, end: Math.floor(n / 2) },
      { start: Math.floor(n / 2), end: n },
    ].map((unitRange) => partWorld(options, unitRange));
    for (const p of parts) {
      for (const { name, rows, col } of eventColumns(p)) expect(col.length, name).toBe(rows);
    }
    const firstConv = parts[0]!.outcomes.convDay;
    const merged = mergeWorlds(parts);
    expect(merged.outcomes.convDay).toBe(firstConv);
    expect(Array.from(merged.outcomes.convDay)).toEqual(Array.from(single.outcomes.convDay));
    expect(Array.from(merged.outcomes.hazards)).toEqual(Array.from(single.outcomes.hazards));
    expect(Array.from(merged.pop.leadDisturbance)).toEqual(Array.from(single.pop.leadDisturbance));
    expect(Array.from(merged.oppLeads)).toEqual(Array.from(single.oppLeads));
    expect(parts[1]!.events.touches.cols.lead.length).toBe(0);
  });
});

/** Build one account range's part, as a worker does. */
function partWorld(
  options: Record<string, unknown>,
  unitRange: { start: number; end: number },
): LeadScoringWorld {
  return buildWorld({ ...worldContext(options), unitRange });
}
