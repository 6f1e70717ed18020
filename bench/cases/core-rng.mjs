// Core RNG micro-benchmark: draws/s on one stream, keyed stream set-up/s, and the
// seedrandom equivalent for the record (issue 2 asked to justify the in-repo generator).
import { createRngRoot } from "@leadforge/core";
import seedrandom from "seedrandom";
import { report, time } from "../lib.mjs";

const root = createRngRoot(42);
const s = root.stream("bench");
const N = 20_000_000;
let acc = 0;
const draws = time(() => {
  for (let i = 0; i < N; i++) acc += s.next();
});
const M = 2_000_000;
const streams = time(() => {
  for (let i = 0; i < M; i++) acc += root.stream("entity", i).nextU32();
});
const SR = 200_000;
const seedrandomStreams = time(() => {
  for (let i = 0; i < SR; i++) acc += seedrandom.alea(`42/entity/${i}`)();
});
const normals = time(() => {
  for (let i = 0; i < 5_000_000; i++) acc += s.normal();
});
if (acc === 42) console.error("");
report("core-rng", [
  { metric: "uniform draws/s", value: N / draws, unit: "/s", higherIsBetter: true },
  { metric: "normal draws/s", value: 5_000_000 / normals, unit: "/s", higherIsBetter: true },
  { metric: "keyed streams created/s", value: M / streams, unit: "/s", higherIsBetter: true },
  {
    metric: "seedrandom.alea streams created/s",
    value: SR / seedrandomStreams,
    unit: "/s",
    higherIsBetter: true,
  },
]);
