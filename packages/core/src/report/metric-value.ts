import type { Metric } from "./types.js";

/** A finite number, or null (JSON has no NaN/Infinity). Rounded to 6 decimals for stable output. */
export function metric(v: number): Metric {
  return Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : null;
}
