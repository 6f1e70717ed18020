// Parallel vs sequential world building with the BUILT packages (run `npx tsup` in core and
// here first). Usage: node scripts/bench-parallel.mjs [n=100000] [workers=2]
import { rm } from "node:fs/promises";
import { createRegistry } from "@leadforge/core";
import { generateBundleParallel, writeBundle } from "@leadforge/core/node";
import { lifecycleScheme } from "../dist/index.js";

const n = Number(process.argv[2] ?? 100_000);
const workers = Number(process.argv[3] ?? 2);
const registry = createRegistry();
registry.register(lifecycleScheme);
const schemeModule = new URL("../dist/index.js", import.meta.url).href;
const hashes = [];
for (const w of [workers, 1]) {
  const t0 = performance.now();
  const bundle = await generateBundleParallel({
    recipe: "b2b_saas_ltv_v1",
    registry,
    options: { n_customers: n },
    workers: w,
    schemeModule,
  });
  const t1 = performance.now();
  const out = `/tmp/lc-par-${w}`;
  const res = await writeBundle({ bundle, outDir: out, force: true });
  const t2 = performance.now();
  hashes.push(JSON.stringify(res.manifest.files));
  console.log(
    `workers ${w}: generate ${((t1 - t0) / 1000).toFixed(1)} s, write ${((t2 - t1) / 1000).toFixed(1)} s`,
  );
  await rm(out, { recursive: true, force: true });
}
console.log(`identical bundles: ${hashes[0] === hashes[1]}`);
