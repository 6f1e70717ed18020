// Runs every benchmark case in its own process (so peak RSS is per case), prints a table,
// compares with the last recorded run (bench/results/last-run.json) and flags changes > 10%.
// Usage: pnpm bench [case-name-substring ...]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

const here = new URL(".", import.meta.url).pathname;
const filters = process.argv.slice(2);
const cases = readdirSync(join(here, "cases"))
  .filter((f) => f.endsWith(".mjs"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const lastPath = join(here, "results", "last-run.json");
const last = existsSync(lastPath) ? JSON.parse(readFileSync(lastPath, "utf8")) : { results: {} };
const results = { ...last.results };

const fmt = (v) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString("en-US") : v.toFixed(2));
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
for (const file of cases) {
  const out = execFileSync(process.execPath, [join(here, "cases", file)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of out.split("\n").filter((l) => l.startsWith("BENCH "))) {
    const { name, metrics } = JSON.parse(line.slice(6));
    console.log(`\n${name}`);
    for (const m of metrics) {
      const prev = last.results[name]?.find((p) => p.metric === m.metric);
      let delta = "";
      if (prev && prev.value > 0) {
        const change = (m.value - prev.value) / prev.value;
        const worse = m.higherIsBetter ? change < -0.1 : change > 0.1;
        delta = ` (${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)}% vs last${worse ? ", REGRESSION" : ""})`;
      }
      console.log(`  ${m.metric.padEnd(42)} ${fmt(m.value).padStart(14)} ${m.unit}${delta}`);
    }
    results[name] = metrics;
  }
}
writeFileSync(lastPath, `${JSON.stringify({ node: process.version, results }, null, 2)}\n`);
