// End-to-end generation benchmark: full bundles for lead scoring (5k / 100k / 1M leads) and
// lifecycle (10k / 100k customers) in public and instructor modes. Each configuration runs in
// its own process so peak RSS is its own. Sizes: BENCH_LEADS / BENCH_CUSTOMERS (comma lists),
// BENCH_MODES, BENCH_WORKERS (default: all cores), BENCH_ENCODE_WORKERS (writeBundle's
// encodeWorkers; default: its own default). Besides the stage split it reports the peak
// RSS seen in each stage (sampled at progress events and every 50 ms, workers included) with
// the main thread's JS heap and external (ArrayBuffer, wasm-free) memory at those samples.
import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { report } from "../lib.mjs";

const SCHEMES = {
  lead_scoring: {
    recipe: "b2b_saas_procurement_v1",
    pkg: "@leadforge/scheme-lead-scoring",
    size: "n_leads",
  },
  lifecycle: { recipe: "b2b_saas_ltv_v1", pkg: "@leadforge/scheme-lifecycle", size: "n_customers" },
};

async function one(scheme, n, mode, workers) {
  const { generateBundleParallel, writeBundle } = await import("@leadforge/core/node");
  const { prepareRun } = await import("@leadforge/core");
  const spec = SCHEMES[scheme];
  await import(spec.pkg);
  const options = { [spec.size]: n, exposure_mode: mode, seed: 42 };
  const stages = {};
  const stageRss = {};
  let last = performance.now();
  let lastStage = "prepare";
  let lastSample = 0;
  const sample = (force = false) => {
    const now = performance.now();
    if (!force && now - lastSample < 50) return;
    lastSample = now;
    const m = process.memoryUsage();
    const peak = (stageRss[lastStage] ??= { rss: 0, heap: 0, external: 0 });
    peak.rss = Math.max(peak.rss, m.rss / 2 ** 20);
    peak.heap = Math.max(peak.heap, m.heapUsed / 2 ** 20);
    peak.external = Math.max(peak.external, m.external / 2 ** 20);
  };
  const timer = setInterval(sample, 50);
  const onProgress = (e) => {
    sample();
    if (e.stage !== lastStage) {
      sample(true);
      const now = performance.now();
      stages[lastStage] = (stages[lastStage] ?? 0) + (now - last) / 1000;
      last = now;
      lastStage = e.stage;
    }
  };
  const t0 = performance.now();
  prepareRun({ recipe: spec.recipe, options });
  const bundle = await generateBundleParallel({
    recipe: spec.recipe,
    options,
    workers,
    schemeModule: import.meta.resolve(spec.pkg),
    onProgress,
  });
  const tGen = performance.now();
  stages[lastStage] = (stages[lastStage] ?? 0) + (tGen - last) / 1000;
  const dir = await mkdtemp(join(tmpdir(), "lf-bench-"));
  let rows = 0;
  for (const t of bundle.tables) rows += t.length;
  for (const t of bundle.tasks) for (const s of Object.values(t.splits)) rows += s.length;
  sample(true);
  lastStage = "write";
  const encodeWorkers = process.env.BENCH_ENCODE_WORKERS;
  const { bytes, encode } = await writeBundle({
    bundle,
    outDir: join(dir, "b"),
    ...(encodeWorkers ? { encodeWorkers: Number(encodeWorkers) } : {}),
    onFile: () => sample(),
  });
  const t1 = performance.now();
  sample(true);
  clearInterval(timer);
  await rm(dir, { recursive: true, force: true });
  const wall = (t1 - t0) / 1000;
  const name = `generate ${scheme} ${n.toLocaleString("en-US")} ${mode} (workers=${workers}, encodeWorkers=${encode.threads})`;
  report(name, [
    { metric: "wall time", value: wall, unit: "s", higherIsBetter: false },
    ...Object.entries(stages).map(([k, v]) => ({
      metric: `  stage ${k}`,
      value: v,
      unit: "s",
      higherIsBetter: false,
    })),
    {
      metric: "  write (encode + hash + files)",
      value: (t1 - tGen) / 1000,
      unit: "s",
      higherIsBetter: false,
    },
    ...Object.entries(stageRss).flatMap(([k, v]) => [
      { metric: `  peak RSS in ${k}`, value: v.rss, unit: "MB", higherIsBetter: false },
      { metric: `    main heap used in ${k}`, value: v.heap, unit: "MB", higherIsBetter: false },
      {
        metric: `    external (buffers) in ${k}`,
        value: v.external,
        unit: "MB",
        higherIsBetter: false,
      },
    ]),
    { metric: "rows written/s", value: rows / wall, unit: "/s", higherIsBetter: true },
    { metric: "rows written", value: rows, unit: "rows", higherIsBetter: true },
    { metric: "bytes written", value: bytes / 1e6, unit: "MB", higherIsBetter: false },
  ]);
}

if (process.argv[2] === "--one") {
  const [, , , scheme, n, mode, workers] = process.argv;
  await one(scheme, Number(n), mode, Number(workers));
} else {
  const list = (v, d) => (v ?? d).split(",").filter(Boolean);
  const modes = list(process.env.BENCH_MODES, "student_public,research_instructor");
  const workers = Number(process.env.BENCH_WORKERS ?? cpus().length);
  const jobs = [
    ...list(process.env.BENCH_LEADS, "5000,100000,1000000").map((n) => ["lead_scoring", n]),
    ...list(process.env.BENCH_CUSTOMERS, "10000,100000").map((n) => ["lifecycle", n]),
  ];
  for (const [scheme, n] of jobs) {
    for (const mode of modes) {
      try {
        const out = execFileSync(
          process.execPath,
          [new URL(import.meta.url).pathname, "--one", scheme, n, mode, String(workers)],
          {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "inherit"],
            maxBuffer: 1 << 26,
            // A V8 flag in execArgv is refused by worker threads (ERR_WORKER_INVALID_EXEC_ARGV);
            // NODE_OPTIONS sets it for the whole process, workers included.
            env: {
              ...process.env,
              NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=8192`.trim(),
            },
          },
        );
        process.stdout.write(out);
      } catch (e) {
        console.error(`benchmark ${scheme} ${n} ${mode} failed: ${e.message.split("\n")[0]}`);
      }
    }
  }
}
