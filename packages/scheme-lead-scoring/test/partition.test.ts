import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineScheme, type GenerationScheme } from "@leadforge/core";
import { partitionRanges } from "@leadforge/core/node";
import { describe, expect, it } from "vitest";
import { buildWorld } from "../src/build-world.js";
import { mergeWorlds } from "../src/merge-worlds.js";
import { leadScoringScheme } from "../src/scheme.js";
import { generate, listFiles, registryWith, SMALL, worldContext, writeTemp } from "./helpers.js";

async function digest(bundle: ReturnType<typeof generate>): Promise<Record<string, string>> {
  const { out, cleanup } = await writeTemp(bundle);
  try {
    const files: Record<string, string> = {};
    for (const f of await listFiles(out)) {
      files[f] = createHash("sha256")
        .update(await readFile(join(out, f)))
        .digest("hex");
    }
    return files;
  } finally {
    await cleanup();
  }
}

/** A scheme whose world is built in `k` account ranges (cloned as a worker would) and merged. */
function partitioned(k: number): GenerationScheme {
  return defineScheme({
    ...leadScoringScheme,
    buildWorld: (ctx) => {
      const n = leadScoringScheme.partition!.unitCount(ctx.config);
      const parts = partitionRanges(n, k).map((unitRange) =>
        structuredClone(buildWorld({ ...(ctx as object), unitRange } as never)),
      );
      return mergeWorlds(parts);
    },
  });
}

describe("partitioned world building (worker threads)", () => {
  it.each([
    [2, "research_instructor"],
    [3, "research_instructor"],
    [2, "student_public"],
  ])(
    "%i account ranges merge into the single-build bundle, byte for byte (%s)",
    async (k, mode) => {
      const options = { seed: 17, n_leads: SMALL, exposure_mode: mode };
      const single = await digest(generate(options));
      const merged = await digest(generate(options, registryWith(partitioned(k))));
      expect(merged).toEqual(single);
    },
  );

  it("a partition holds exactly its own accounts' leads and events, so no account is split", () => {
    const ctx = worldContext({ seed: 23, n_leads: SMALL, exposure_mode: "research_instructor" });
    const nAccounts = leadScoringScheme.partition!.unitCount(ctx.config);
    const ranges = partitionRanges(nAccounts, 5);
    const owner = new Int32Array(SMALL).fill(-1);
    const parts = ranges.map(({ start, end }, p) => {
      const part = buildWorld({ ...ctx, unitRange: { start, end } });
      const { pop } = part;
      for (let a = start; a < end; a++) {
        for (let q = pop.acctLeadOffsets[a]!; q < pop.acctLeadOffsets[a + 1]!; q++) {
          const i = pop.acctLeads[q]!;
          expect(owner[i], `lead ${i} simulated by two partitions`).toBe(-1);
          owner[i] = p;
        }
      }
      return part;
    });
    parts.forEach((part, p) => {
      for (const name of ["touches", "sessions", "activities"] as const) {
        const lead = part.events[name].cols.lead;
        for (let r = 0; r < part.events[name].length; r++)
          expect(owner[lead[r]!], `${name} row ${r} of partition ${p}`).toBe(p);
      }
      // A partition writes the outcomes of its own leads only.
      const entered = (i: number) => part.outcomes.stageEnter.subarray(i * 7, i * 7 + 7);
      let own = 0;
      for (let i = 0; i < SMALL; i++) {
        if (owner[i] === p) own += entered(i).some((d) => d >= 0) ? 1 : 0;
        else
          expect(
            entered(i).every((d) => d === -1),
            `lead ${i} in partition ${p}`,
          ).toBe(true);
      }
      expect(own).toBeGreaterThan(0);
    });
    expect(Array.from(owner).every((p) => p >= 0)).toBe(true);
  });

  it("declares one unit per account", () => {
    const config = { params: { n_leads: 5000 } } as never;
    expect(leadScoringScheme.partition!.unitCount(config)).toBe(1500);
  });
});
