// Funnel diagnostics of one world: stage reach, churn, timing, hazards. Run from the package:
//   npx tsx --conditions=@leadforge/source scripts/diagnose.ts [tier] [seed] [n_leads]
import { createRegistry, createRngRoot, parseRecipe, resolveConfig } from "@leadforge/core";
import { buildWorld } from "../src/build-world.js";
import { HAZARD_SLOTS } from "../src/mechanisms.js";
import { leadScoringNarrativeSchema } from "../src/narrative.js";
import { leadScoringProfileSchema } from "../src/profile.js";
import { RECIPES } from "../src/recipes.generated.js";
import { leadScoringScheme } from "../src/scheme.js";
import { stageAt } from "../src/stage-at.js";

const tier = process.argv[2] ?? "advanced";
const seed = Number(process.argv[3] ?? 42);
const n = Number(process.argv[4] ?? 5000);
const recipe = parseRecipe(RECIPES[0]!);
const registry = createRegistry();
registry.register(leadScoringScheme);
const config = resolveConfig({
  scheme: leadScoringScheme,
  recipe,
  // Instructor mode: a public world keeps no hazards (hidden truth).
  options: { seed, difficulty: tier, n_leads: n, exposure_mode: "research_instructor" },
});
const ctx = {
  config,
  recipe,
  narrative: leadScoringNarrativeSchema.parse(recipe.narrative),
  profile: leadScoringProfileSchema.parse(recipe.difficultyProfiles[tier]),
  rng: createRngRoot(seed),
  progress: () => {},
} as never;
const world = buildWorld(ctx);
const { outcomes } = world;
const W = world.params.snapshot_day;
const reach = new Array(9).fill(0);
const reach30 = new Array(9).fill(0);
let conv = 0;
let churn = 0;
let churn30 = 0;
const convDays: number[] = [];
for (let i = 0; i < n; i++) {
  for (let s = 0; s < 7; s++) {
    const e = outcomes.stageEnter[i * 7 + s]!;
    if (e >= 0) reach[s]++;
    if (e >= 0 && e <= W) reach30[s]++;
  }
  if (outcomes.convDay[i]! >= 0) {
    conv++;
    convDays.push(outcomes.convDay[i]!);
  }
  if (outcomes.churnDay[i]! >= 0) churn++;
  if (stageAt(outcomes, i, W) === 8) churn30++;
}
const q = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
const haz = (slot: number) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(outcomes.hazards[i * HAZARD_SLOTS + slot]!);
  return [0.1, 0.5, 0.9].map((p) => q(xs, p)!.toFixed(4)).join("/");
};
console.log(
  `${tier} seed ${seed} motif ${world.graph.family} shift ${world.calibration.shift} expected ${world.calibration.expected.toFixed(3)}`,
);
console.log(
  `conversion ${(conv / n).toFixed(3)}, churned ${(churn / n).toFixed(3)} (by day ${W}: ${(churn30 / n).toFixed(3)})`,
);
console.log(
  `reach ever   ${reach
    .slice(0, 7)
    .map((x) => (x / n).toFixed(2))
    .join(" ")}`,
);
console.log(
  `reach by ${W} ${reach30
    .slice(0, 7)
    .map((x) => (x / n).toFixed(2))
    .join(" ")}`,
);
console.log(`conv day p10/50/90 ${q(convDays, 0.1)}/${q(convDays, 0.5)}/${q(convDays, 0.9)}`);
console.log(
  `hazard p10/50/90: adv0 ${haz(0)} adv3 ${haz(3)} churn ${haz(6)} close ${haz(7)} closeLate ${haz(11)}`,
);
const byMonth = new Map<number, [number, number]>();
for (let i = 0; i < n; i++) {
  const m = world.calendar.monthOfDay[world.pop.leadCreated[i]! - world.calendar.startDay]!;
  const r = byMonth.get(m) ?? [0, 0];
  r[0] += outcomes.convDay[i]! >= 0 ? 1 : 0;
  r[1] += 1;
  byMonth.set(m, r);
}
console.log(
  `conversion by creation month: ${[...byMonth]
    .sort((a, b) => a[0] - b[0])
    .map(([m, [c, t]]) => `m${m} ${(c / t).toFixed(3)} (n=${t})`)
    .join(", ")}`,
);
const srcConv = new Map<number, [number, number]>();
for (let i = 0; i < n; i++) {
  const s = world.pop.leadSource[i]!;
  const r = srcConv.get(s) ?? [0, 0];
  r[0] += outcomes.convDay[i]! >= 0 ? 1 : 0;
  r[1] += 1;
  srcConv.set(s, r);
}
console.log(
  `conversion by source: ${[...srcConv]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([s, [c, t]]) => `${world.narrative.gtm_motion.channels[s]} ${(c / t).toFixed(3)} (n=${t})`,
    )
    .join(", ")}`,
);
