// Write-stage benchmark: one lead-scoring bundle generated once, then written with Parquet
// encoding in this thread (encodeWorkers=1) and with writeBundle's default pool, alternating,
// best of BENCH_REPEAT runs each. Isolates encode + hash + files from world building, so the
// comparison holds on a machine shared with other work. Size: BENCH_WRITE_LEADS (default 100000).
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { report } from "../lib.mjs";

const { encodeParquet, generateBundleParallel, writeBundle } = await import("@leadforge/core/node");
await import("@leadforge/scheme-lead-scoring");
const n = Number(process.env.BENCH_WRITE_LEADS ?? 100_000);
const mode = process.env.BENCH_WRITE_MODE ?? "student_public";
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const bundle = await generateBundleParallel({
  recipe: "b2b_saas_procurement_v1",
  options: { n_leads: n, exposure_mode: mode, seed: 42 },
  schemeModule: import.meta.resolve("@leadforge/scheme-lead-scoring"),
});
const dir = await mkdtemp(join(tmpdir(), "lf-bench-write-"));
// "default" = writeBundle's own choice (this thread + one worker per core on big bundles).
const best = { 1: Number.POSITIVE_INFINITY, default: Number.POSITIVE_INFINITY };
let defaultThreads = 0;
let bytes = 0;
const hashes = {};
try {
  for (let r = 0; r < repeat; r++) {
    for (const workers of Object.keys(best)) {
      const t0 = performance.now();
      const out = await writeBundle({
        bundle,
        outDir: join(dir, `b${workers}`),
        force: true,
        ...(workers === "default" ? {} : { encodeWorkers: Number(workers) }),
      });
      if (workers === "default") defaultThreads = out.encode.threads;
      best[workers] = Math.min(best[workers], (performance.now() - t0) / 1000);
      bytes = out.bytes;
      hashes[workers] = JSON.stringify(out.manifest.files);
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
// The pool must not change a byte: compare every file hash of the two ways of writing, and
// (BENCH_WRITE_REFERENCE=1) each table against the whole-table encoder encodeParquet.
let same = new Set(Object.values(hashes)).size === 1;
if (process.env.BENCH_WRITE_REFERENCE === "1") {
  const files = JSON.parse(Object.values(hashes)[0]);
  const all = [
    ...bundle.tables.map((t) => [`tables/${t.spec.name}.parquet`, t]),
    ...bundle.tasks.flatMap((task) =>
      Object.entries(task.splits).map(([s, t]) => [`tasks/${task.id}/${s}.parquet`, t]),
    ),
    ...bundle.metadataTables.map((m) => [m.path, m.table]),
  ];
  for (const [rel, table] of all) {
    const ref = createHash("sha256").update(encodeParquet(table)).digest("hex");
    if (ref !== files[rel]) {
      same = false;
      console.error(`write-bundle: ${rel} differs from encodeParquet`);
    }
  }
}
if (!same) console.error("write-bundle: in-thread and pooled bundles differ!");
report(`write lead_scoring ${n.toLocaleString("en-US")} ${mode}`, [
  ...Object.entries(best).map(([w, s]) => ({
    metric: `write, ${w === "default" ? `default (${defaultThreads} threads)` : `encodeWorkers=${w}`} (best of ${repeat})`,
    value: s,
    unit: "s",
    higherIsBetter: false,
  })),
  { metric: "bytes written", value: bytes / 1e6, unit: "MB", higherIsBetter: false },
  {
    metric: "pooled bytes identical (1 = yes)",
    value: same ? 1 : 0,
    unit: "",
    higherIsBetter: true,
  },
]);
