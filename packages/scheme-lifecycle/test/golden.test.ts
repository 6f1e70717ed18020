import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate, listFiles, writeTemp } from "./helpers.js";

// Golden bundle hashes: changing any of them is a deliberate, versioned act (a major for the
// scheme). Refresh with UPDATE_GOLDEN=1 after an intended change and say why in the commit.
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const VERSION_FIELDS = ["package_version", "scheme_package", "core_version"];
const CASES = [42, 7, 2].flatMap((seed) =>
  (["student_public", "research_instructor"] as const).map((mode) => ({ seed, mode })),
);

describe.each(CASES)("golden bundle seed $seed $mode", ({ seed, mode }) => {
  it("hashes every file byte for byte", async () => {
    const bundle = generate({
      seed,
      exposure_mode: mode,
      n_customers: 150,
      difficulty: "intermediate",
      oracle_replicates: 4,
    });
    const { out, cleanup } = await writeTemp(bundle);
    try {
      const files: Record<string, string> = {};
      for (const f of await listFiles(out)) {
        if (f === "manifest.json") continue;
        files[f] = createHash("sha256")
          .update(await readFile(join(out, f)))
          .digest("hex");
      }
      const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8"));
      for (const k of VERSION_FIELDS) delete manifest[k];
      const actual = { files, manifest };
      const path = join(import.meta.dirname, "golden", `seed-${seed}-${mode}.json`);
      if (UPDATE || !existsSync(path)) {
        if (!UPDATE) throw new Error(`missing golden ${path}; run with UPDATE_GOLDEN=1`);
        writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(path, "utf8")));
    } finally {
      await cleanup();
    }
  });
});
