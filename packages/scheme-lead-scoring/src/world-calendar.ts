import { parseIsoDate, type Rng } from "@leadforge/core";
import { WORLD_START } from "./vocabulary.js";

/**
 * The world's calendar: when leads are created (a daily volume curve over several months with
 * weekday dips and growth), a monthly market climate (the value of the graph's global-context
 * node, an AR(1) series) and a slowly shifting channel mix. Together they make a chronological
 * split show some drift.
 */
export interface WorldCalendar {
  /** Day number of the world start (2024-01-01). */
  readonly startDay: number;
  /** Number of creation days. */
  readonly creationDays: number;
  /** Cumulative creation weights over `creationDays` (for inverse-CDF draws). */
  readonly creationCdf: Float64Array;
  /** Market climate (z scale) per calendar month since the start. */
  readonly climateByMonth: Float64Array;
  /** Channel weight multipliers per month (row-major month × channel). */
  readonly channelTiltByMonth: Float64Array;
  /** Number of months covered by `climateByMonth`. */
  readonly months: number;
  /** Per day since the start (creation window + horizon): 1 in the last 10 days of a quarter. */
  readonly quarterEnd: Uint8Array;
  /** Per day since the start: month index. */
  readonly monthOfDay: Int16Array;
}

/** Month index (since the world start) of a calendar day number inside the calendar. */
export function monthIndex(calendar: WorldCalendar, day: number): number {
  const k = day - calendar.startDay;
  const table = calendar.monthOfDay;
  return table[k < 0 ? 0 : k >= table.length ? table.length - 1 : k]!;
}

/** 1 when `day` is in the last 10 days of a calendar quarter (lookup). */
export function quarterEndFlag(calendar: WorldCalendar, day: number): number {
  const k = day - calendar.startDay;
  const table = calendar.quarterEnd;
  return k < 0 || k >= table.length ? (isQuarterEnd(day) ? 1 : 0) : table[k]!;
}

/** Whether a calendar day falls in the last 10 days of a calendar quarter (deal-closing push). */
export function isQuarterEnd(day: number): boolean {
  const d = new Date(day * 86_400_000);
  const month = d.getUTCMonth();
  if (month % 3 !== 2) return false;
  const last = new Date(Date.UTC(d.getUTCFullYear(), month + 1, 0)).getUTCDate();
  return d.getUTCDate() > last - 10;
}

/** Channel drift per channel name over the creation window (log-scale, start → end). */
const CHANNEL_DRIFT: Readonly<Record<string, number>> = {
  inbound_marketing: 0,
  sdr_outbound: -0.45,
  partner_referral: 0.55,
};

/** Build the calendar from a world-level stream. */
export function createWorldCalendar(opts: {
  readonly rng: Rng;
  readonly creationDays: number;
  readonly horizonDays: number;
  readonly channels: readonly string[];
}): WorldCalendar {
  const { rng, creationDays, horizonDays, channels } = opts;
  const startDay = parseIsoDate(WORLD_START);
  const cdf = new Float64Array(creationDays);
  const phase = rng.uniform(0, 2 * Math.PI);
  let acc = 0;
  for (let d = 0; d < creationDays; d++) {
    const weekday = new Date((startDay + d) * 86_400_000).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 0.3 : 1;
    const season = 1 + 0.2 * Math.sin(phase + (2 * Math.PI * d) / 120);
    const growth = 1 + (0.5 * d) / Math.max(1, creationDays);
    acc += weekend * season * growth;
    cdf[d] = acc;
  }
  const lastDay = startDay + creationDays + horizonDays + 1;
  const probe: WorldCalendar = {
    startDay,
    creationDays,
    creationCdf: cdf,
    climateByMonth: new Float64Array(1),
    channelTiltByMonth: new Float64Array(channels.length),
    months: 1,
    quarterEnd: new Uint8Array(0),
    monthOfDay: new Int16Array(0),
  };
  const months = monthIndexUnclamped(probe, lastDay) + 1;
  const climate = new Float64Array(months);
  let c = rng.normal(0, 1);
  for (let m = 0; m < months; m++) {
    climate[m] = c;
    c = 0.7 * c + rng.normal(0, Math.sqrt(1 - 0.49));
  }
  const creationMonths = Math.max(1, monthIndexUnclamped(probe, startDay + creationDays - 1) + 1);
  const tilt = new Float64Array(months * channels.length);
  for (let m = 0; m < months; m++) {
    const frac = creationMonths > 1 ? Math.min(1, m / (creationMonths - 1)) - 0.5 : 0;
    channels.forEach((ch, k) => {
      tilt[m * channels.length + k] = Math.exp((CHANNEL_DRIFT[ch] ?? 0) * frac);
    });
  }
  const span = lastDay - startDay + 1;
  const quarterEnd = new Uint8Array(span);
  const monthOfDay = new Int16Array(span);
  for (let k = 0; k < span; k++) {
    quarterEnd[k] = isQuarterEnd(startDay + k) ? 1 : 0;
    monthOfDay[k] = monthIndexUnclamped(probe, startDay + k);
  }
  return {
    startDay,
    creationDays,
    creationCdf: cdf,
    climateByMonth: climate,
    channelTiltByMonth: tilt,
    months,
    quarterEnd,
    monthOfDay,
  };
}

function monthIndexUnclamped(calendar: WorldCalendar, day: number): number {
  const d = new Date(day * 86_400_000);
  const s = new Date(calendar.startDay * 86_400_000);
  return (d.getUTCFullYear() - s.getUTCFullYear()) * 12 + (d.getUTCMonth() - s.getUTCMonth());
}

/** Draw a creation day offset (0-based, from the world start) by inverse CDF. */
export function drawCreationOffset(calendar: WorldCalendar, u: number): number {
  const cdf = calendar.creationCdf;
  const target = u * cdf[cdf.length - 1]!;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
