// Join-probe lift on clean public bundles vs bundles whose invoices leak their terminal status (the reference bug).
// Usage: npx tsx --conditions=@leadforge/source scripts/leak-probe.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filterRows, getColumn } from "@leadforge/core";
import { validateBundle, writeBundle } from "@leadforge/core/node";
import { bundleTable, generate, lifecycleRegistry } from "../test/helpers.js";

const dir = await mkdtemp(join(tmpdir(), "lc-leak-"));
for (const seed of [42, 43, 44, 46]) {
  const opts = { seed, n_customers: 1500, difficulty: "intermediate" };
  const pub = generate({ ...opts, exposure_mode: "student_public" });
  const ins = generate({ ...opts, exposure_mode: "research_instructor" });
  const obs = Date.parse("2026-01-26") / 864e5;
  const full = bundleTable(ins, "invoices");
  const dates = getColumn(full, "invoice_date") as number[];
  const leaky = filterRows(full, (r) => dates[r]! <= obs);
  const tables = pub.tables.map((t) => (t.spec.name === "invoices" ? leaky : t));
  for (const [label, b] of [
    ["clean", pub],
    ["leaky", { ...pub, tables }],
  ] as const) {
    const out = join(dir, `${seed}-${label}`);
    await writeBundle({ bundle: b, outDir: out });
    const r = await validateBundle(out, { registry: lifecycleRegistry() });
    const f = r.findings.find((x) => x.code.startsWith("probe_join_reconstruction"));
    console.log(seed, label, f?.value?.toFixed(3), f?.message.slice(0, 120));
  }
}
await rm(dir, { recursive: true, force: true });
