// Issue 8: bundles are byte-identical for 1, 2 and 4 worker threads (partition boundaries
// move with the worker count, so an account's or customer's rows can never be split
// inconsistently across workers without this failing). Runs the built packages in a plain
// Node subprocess so real worker threads load the built worker file.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers.js";

const SCRIPT = `
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
const core = await import(process.env.CORE_NODE);
const [recipe, schemeModule, options] = JSON.parse(process.argv[1]);
await import(schemeModule); // registers the scheme in the default registry
const out = {};
for (const workers of [1, 2, 4]) {
  const bundle = await core.generateBundleParallel({ recipe, options, workers, schemeModule });
  const dir = await mkdtemp(join(tmpdir(), "lf-workers-"));
  await core.writeBundle({ bundle, outDir: join(dir, "b") });
  const files = {};
  for (const f of await core.listBundleFiles(join(dir, "b"))) {
    files[f] = createHash("sha256").update(await readFile(join(dir, "b", f))).digest("hex");
  }
  out[workers] = files;
  await rm(dir, { recursive: true, force: true });
}
// Prove the threaded path is live here: a bogus module must fail inside the workers.
out.threaded = "no";
try {
  await core.generateBundleParallel({ recipe, options, workers: 2, schemeModule: "file:///nonexistent-scheme.js" });
} catch (e) {
  out.threaded = e.code;
}
console.log(JSON.stringify(out));
`;

function hashesByWorkers(recipe: string, pkg: string, options: Record<string, unknown>) {
  const schemeModule = `file://${join(REPO_ROOT, "packages", pkg, "dist", "index.js")}`;
  const out = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", SCRIPT, JSON.stringify([recipe, schemeModule, options])],
    {
      cwd: join(REPO_ROOT, "packages", pkg),
      encoding: "utf8",
      env: {
        ...process.env,
        CORE_NODE: `file://${join(REPO_ROOT, "packages/core/dist/node/index.js")}`,
      },
    },
  );
  return JSON.parse(out) as Record<string, Record<string, string>> & { threaded: string };
}

describe("worker-count invariance", () => {
  it.each(["student_public", "research_instructor"])(
    "lead scoring (%s): 1, 2 and 4 workers give the same bytes",
    (mode) => {
      const h = hashesByWorkers("b2b_saas_procurement_v1", "scheme-lead-scoring", {
        seed: 1337,
        n_leads: 400,
        exposure_mode: mode,
      });
      expect(h.threaded).toBe("WORKER_FAILED");
      expect(Object.keys(h["1"]!).length).toBeGreaterThan(10);
      expect(h["2"]).toEqual(h["1"]);
      expect(h["4"]).toEqual(h["1"]);
    },
  );

  it.each(["student_public", "research_instructor"])(
    "lifecycle (%s): 1, 2 and 4 workers give the same bytes",
    (mode) => {
      const h = hashesByWorkers("b2b_saas_ltv_v1", "scheme-lifecycle", {
        seed: 7,
        n_customers: 200,
        exposure_mode: mode,
        oracle_replicates: 4,
      });
      expect(h.threaded).toBe("WORKER_FAILED");
      expect(Object.keys(h["1"]!).length).toBeGreaterThan(10);
      expect(h["2"]).toEqual(h["1"]);
      expect(h["4"]).toEqual(h["1"]);
    },
  );
});
