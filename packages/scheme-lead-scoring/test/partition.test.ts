import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defineScheme, type GenerationScheme } from "@leadforge/core";
import { partitionRanges } from "@leadforge/core/node";
import { describe, expect, it } from "vitest";
import { buildWorld } from "../src/build-world.js";
import { mergeWorlds } from "../src/merge-worlds.js";
import { leadScoringScheme } from "../src/scheme.js";
import { generate, listFiles, registryWith, SMALL, writeTemp } from "./helpers.js";

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

  it("declares one unit per account", () => {
    const config = { params: { n_leads: 5000 } } as never;
    expect(leadScoringScheme.partition!.unitCount(config)).toBe(1500);
  });
});
