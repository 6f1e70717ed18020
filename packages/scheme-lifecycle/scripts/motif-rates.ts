// Realized per-motif rates (intermediate tier): invoice failure rate, write-off share of
// failures, expansions per customer, year-1 churn. Usage: scripts/motif-rates.ts [n=1000]

import { buildLifecycleWorld } from "../src/build-world.js";
import { PAY_PAID, PAY_WRITTEN_OFF } from "../src/ledger.js";
import { makeContext } from "./make-context.js";

const n = Number(process.argv[2] ?? 1000);
// Seeds whose world-level motif draw gives each family once.
for (const seed of [1, 2, 3, 4, 5]) {
  const w = buildLifecycleWorld(makeContext({ n_customers: n, seed, difficulty: "intermediate" }));
  const lg = w.ledger;
  let failed = 0;
  let writtenOff = 0;
  for (let r = 0; r < lg.invStatus.length; r++) {
    if (lg.invStatus[r] !== PAY_PAID) failed++;
    if (lg.invStatus[r] === PAY_WRITTEN_OFF) writtenOff++;
  }
  let expansions = 0;
  for (let r = 0; r < lg.evType.length; r++) if (lg.evType[r] === 1) expansions++;
  const yr1 = w.final.churnWeek.filter((k) => k >= 0 && k <= 52).length / n;
  console.log(
    `${w.motif.name.padEnd(27)} invoice failure ${(failed / lg.invStatus.length).toFixed(3)} written-off share ${(writtenOff / Math.max(1, failed)).toFixed(2)} expansions/customer ${(expansions / n).toFixed(2)} yr1 churn ${yr1.toFixed(3)}`,
  );
}
