// Parallel Parquet encoding (issue 8): files encoded on the worker pool are byte-identical to
// in-thread encoding, the pool really ran, and cancelling mid-encode leaves nothing behind.
// Worker threads need the built worker file, so the checks run in a plain Node subprocess
// against the built `dist/node` entry (`pnpm build` first); the toy scheme and in-memory
// generation come from source through tsx.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST_NODE = join(CORE, "dist", "node", "index.js");

const SCRIPT = `
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
const core = await import("./src/index.ts");
const { toyScheme } = await import("./test/fixtures/toy-scheme.ts");
const node = await import(process.env.DIST_NODE);
const registry = core.createRegistry();
registry.register(toyScheme);
const sha = (u) => createHash("sha256").update(u).digest("hex");
const root = await mkdtemp(join(tmpdir(), "lf-encode-pool-"));
const out = {};
try {
  // 1. Whole bundles, in-thread vs pool, Parquet only and Parquet + CSV.
  for (const [label, options] of [
    ["parquet", { n_customers: 1500 }],
    ["both", { n_customers: 700, seed: 7, format: "both", exposure_mode: "research_instructor" }],
  ]) {
    const bundle = core.generateBundle({ recipe: "toy_recipe_v1", registry, options });
    out[label] = {};
    for (const encodeWorkers of [1, 2, 3]) {
      const dir = join(root, label + encodeWorkers);
      const r = await node.writeBundle({ bundle, outDir: dir, encodeWorkers });
      const files = {};
      for (const f of await node.listBundleFiles(dir)) files[f] = sha(await readFile(join(dir, f)));
      out[label][encodeWorkers] = { files, encode: r.encode };
    }
    // The whole-table encoder (one Arrow batch per row group, writeParquet) as the reference.
    const reference = {};
    for (const t of bundle.tables) reference["tables/" + t.spec.name + ".parquet"] = sha(node.encodeParquet(t));
    for (const task of bundle.tasks)
      for (const [split, t] of Object.entries(task.splits))
        reference["tasks/" + task.id + "/" + split + ".parquet"] = sha(node.encodeParquet(t));
    out[label].reference = reference;
  }
  // 2. The pool on its own with small row groups: many batches per file, every column type,
  //    nulls, non-ASCII text and an empty table, against encodeParquet with the same groups.
  const spec = core.defineTable({ name: "t", description: "all types", columns: [
    { name: "i", type: "int32", description: "" },
    { name: "n", type: "int64", nullable: true, description: "" },
    { name: "f", type: "float64", nullable: true, description: "" },
    { name: "b", type: "bool", nullable: true, description: "" },
    { name: "s", type: "string", nullable: true, description: "" },
    { name: "d", type: "date", description: "" },
    { name: "ts", type: "timestamp", nullable: true, description: "" },
  ] });
  const rng = core.createRngRoot(3).stream("rows");
  const make = (rows) => {
    const b = core.createTableBuilder(spec);
    for (let k = 0; k < rows; k++) b.append({
      i: rng.int(-50, 50), n: rng.bernoulli(0.2) ? null : rng.int(0, 2 ** 40) - 2 ** 39,
      f: rng.bernoulli(0.1) ? null : rng.normal(), b: rng.bernoulli(0.1) ? null : rng.bernoulli(0.5),
      s: rng.bernoulli(0.1) ? null : ["a", "Café & Bäckerei", "lead_" + k][k % 3],
      d: 19000 + (k % 400), ts: rng.bernoulli(0.1) ? null : 1_700_000_000_000_000 + k * 1_000_003,
    });
    return b.finish();
  };
  const tables = [make(2500), make(0), make(257), make(1)];
  const pool = node.createEncodePool({ size: 2, rowGroupRows: 256 });
  const jobs = tables.map((table, k) => ({ path: join(root, "pool", k + ".parquet"), table }));
  const written = await pool.encodeAll(jobs);
  await pool.close();
  out.pool = {
    stats: pool.stats,
    same: await Promise.all(jobs.map(async (j) => {
      const disk = await readFile(j.path);
      const ref = node.encodeParquet(j.table, { rowGroupRows: 256 });
      return sha(disk) === sha(ref) && written.get(j).sha256 === sha(ref) && written.get(j).bytes === ref.byteLength;
    })),
  };
  // 4. A worker that cannot write its file fails the whole call with a typed error.
  const failing = node.createEncodePool({ size: 1 });
  try {
    await failing.encodeAll([{ path: "/dev/null/not-a-folder/t.parquet", table: tables[0] }]);
    out.failure = { code: "none" };
  } catch (e) {
    out.failure = { code: e.code, message: e.message };
  } finally {
    await failing.close();
  }
  // 3. Cancel while files are still being encoded: nothing may be left at or beside outDir.
  const big = core.generateBundle({ recipe: "toy_recipe_v1", registry, options: { n_customers: 20000 } });
  const parent = join(root, "cancel");
  const controller = new AbortController();
  let seen = 0;
  try {
    await node.writeBundle({
      bundle: big, outDir: join(parent, "b"), encodeWorkers: 2, signal: controller.signal,
      onFile: () => { seen++; controller.abort(); },
    });
    out.cancel = { code: "none" };
  } catch (e) {
    out.cancel = { code: e.code, seen, left: await readdir(parent) };
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
`;

interface Written {
  files: Record<string, string>;
  encode: { threads: number; filesInWorkers: number };
}
type Result = Record<"parquet" | "both", Record<string, Written>> & {
  pool: { stats: { files: number; localFiles: number; batches: number }; same: boolean[] };
  cancel: { code: string; seen?: number; left?: string[] };
  failure: { code: string; message?: string };
};

function run(): Result {
  if (!existsSync(DIST_NODE)) throw new Error("build @leadforge/core first (pnpm build)");
  const stdout = execFileSync(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", SCRIPT],
    { cwd: CORE, encoding: "utf8", env: { ...process.env, DIST_NODE: `file://${DIST_NODE}` } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Result;
}

describe("parallel Parquet encoding", () => {
  const result = run();

  it.each(["parquet", "both"] as const)(
    "writes the same bytes in-thread and on 2 or 3 workers (%s)",
    (label) => {
      const byWorkers = result[label];
      const parquetFiles = Object.keys(byWorkers[1]!.files).filter((f) => f.endsWith(".parquet"));
      expect(parquetFiles.length).toBeGreaterThanOrEqual(5);
      expect(byWorkers[1]!.encode).toEqual({ threads: 1, filesInWorkers: 0 });
      // Streaming (in-thread and pooled) gives the whole-table encoder's bytes.
      const reference = byWorkers.reference as unknown as Record<string, string>;
      expect(Object.keys(reference).sort()).toEqual(parquetFiles.sort());
      for (const f of parquetFiles) expect(byWorkers[1]!.files[f]).toBe(reference[f]);
      for (const w of ["2", "3"]) {
        expect(byWorkers[w]!.files).toEqual(byWorkers[1]!.files);
        // Proof the threaded path ran: worker threads wrote some of the Parquet files (this
        // thread, also an encoder, may write the rest).
        expect(byWorkers[w]!.encode.threads).toBe(Number(w));
        expect(byWorkers[w]!.encode.filesInWorkers).toBeGreaterThanOrEqual(1);
      }
    },
  );

  it("streams many row groups per file through the pool with identical bytes", () => {
    expect(result.pool.same).toEqual([true, true, true, true]);
    expect(result.pool.stats.files).toBe(4);
    // 2500 rows → 10 batches, 0 rows → 1, 257 → 2, 1 → 1.
    expect(result.pool.stats.batches).toBe(14);
  });

  it("a worker that cannot write reports a typed error", () => {
    expect(result.failure.code).toBe("ENCODE_FAILED");
    expect(result.failure.message).toMatch(/not-a-folder/);
  });

  it("cancelling during parallel encoding leaves no bundle and no temporary folder", () => {
    expect(result.cancel.code).toBe("CANCELLED");
    expect(result.cancel.seen).toBeGreaterThanOrEqual(1);
    expect(result.cancel.left).toEqual([]);
  });
});
