// Shared helpers for benchmark cases: timing and a JSON line the runner collects.
import { performance } from "node:perf_hooks";

/** Seconds taken by `fn`. */
export function time(fn) {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

/** Seconds taken by async `fn`. */
export async function timeAsync(fn) {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Print the case's results (with peak RSS) as one JSON line for the runner. */
export function report(name, metrics) {
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const all = [
    ...metrics,
    { metric: "peak RSS", value: peakRssMb, unit: "MB", higherIsBetter: false },
  ];
  console.log(`BENCH ${JSON.stringify({ name, metrics: all })}`);
}
