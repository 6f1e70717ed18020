// Target-shape statistics per tier and seed. Usage: npx tsx --conditions=@leadforge/source scripts/stats.ts [n] [seeds...]
import { getColumn } from "@leadforge/core";
import { buildSnapshot } from "../src/build-snapshot.js";
import { buildLifecycleWorld } from "../src/build-world.js";
import { makeContext } from "./make-context.js";

const n = Number(process.argv[2] ?? 2000);
const seeds = process.argv.slice(3).map(Number);
if (seeds.length === 0) seeds.push(42, 43, 44, 45, 46);
const f = (x: number) => x.toFixed(3);
for (const tier of ["intro", "intermediate", "advanced"]) {
  for (const seed of seeds) {
    const ctx = makeContext({ n_customers: n, seed, difficulty: tier });
    const w = buildLifecycleWorld(ctx);
    let yr1 = 0;
    for (let i = 0; i < n; i++) {
      const cw = w.final.churnWeek[i]!;
      if (cw >= 0 && cw <= 52) yr1++;
    }
    const out: string[] = [
      `${tier.padEnd(12)} seed ${seed} ${w.motif.name.padEnd(27)} yr1churn ${f(yr1 / n)} active_at_end ${f(w.final.churnWeek.filter((x) => x < 0).length / n)}`,
    ];
    for (const regime of ["calendar", "early"] as const) {
      const s = buildSnapshot(w, regime);
      const t365 = getColumn(s.table, "ltv_revenue_365d") as number[];
      const t730 = getColumn(s.table, "ltv_revenue_730d") as number[];
      const ch = getColumn(s.table, "churned_within_180d") as boolean[];
      const z = t365.filter((v) => v === 0).length / t365.length;
      const sorted = t730.slice().sort((a, b) => b - a);
      const tot = sorted.reduce((a, b) => a + b, 0);
      const top = sorted.slice(0, Math.ceil(sorted.length / 10)).reduce((a, b) => a + b, 0);
      const c180 = ch.filter(Boolean).length / ch.length;
      const ren =
        (getColumn(s.table, "renewal_count") as number[]).filter((v) => v > 0).length /
        s.customers.length;
      out.push(
        `${regime} rows ${s.customers.length} zero365 ${f(z)} top10 ${f(top / tot)} churn180 ${f(c180)} renewed ${f(ren)}`,
      );
    }
    console.log(out.join(" | "));
  }
}
