import { parseIsoDate } from "../../table/dates.js";
import { createTimeCutProvider, type TimeCut } from "../create-time-cut-provider.js";
import {
  createJoinProbeProvider,
  type JoinProbeOptions,
} from "../probes/create-join-probe-provider.js";
import { createSplitProbeProvider } from "../probes/create-split-probe-provider.js";
import type { ValidationProvider } from "../types.js";

/** Options of {@link createLifecycleValidators}. */
export interface LifecycleValidatorOptions {
  /** Trap-only (`mrr_change_full_period`) AUC cap on the churn task. @default 0.95 */
  readonly trapMaxAuc?: number;
  /** ID-only AUC cap. @default 0.60 */
  readonly idOnlyMaxAuc?: number;
  /** Split label-drift cap (churn tasks). @default 0.10 */
  readonly labelDriftMax?: number;
  /** Join-reconstruction probe options (runs on the churn task). @default maxLift 0.04 */
  readonly joinProbe?: JoinProbeOptions;
}

function config(m: Readonly<Record<string, unknown>>, key: string): unknown {
  return m[key] ?? (m.config as Record<string, unknown> | undefined)?.[key];
}

/** The calendar cutoff (`observation_date`) as a day number, when the public regime is calendar. */
function calendarCutoff(m: Readonly<Record<string, unknown>>): number | null {
  const d = config(m, "observation_date");
  return typeof d === "string" ? parseIsoDate(d) : null;
}

/**
 * The lifecycle scheme's validators, ready for `defineScheme({ validators })`:
 *
 * - time cuts of public bundles: `subscription_events.event_timestamp`,
 *   `health_signals.period_start` and `invoices.invoice_date` on or before the observation
 *   date (calendar regime), or before each customer's tenure anchor
 *   (`customer_start_at + 7·early_tenure_weeks`, early regime);
 * - split probes (ID-only, drift, trap) — replaces core's `split_probes`;
 * - the join-reconstruction probe on the churn task (catches, e.g., invoices whose
 *   `payment_status` shows a resolution after the cutoff) — replaces core's `join_probe`.
 */
export function createLifecycleValidators(
  options: LifecycleValidatorOptions = {},
): ValidationProvider[] {
  const regime = (m: Readonly<Record<string, unknown>>) => config(m, "public_regime") ?? "calendar";
  const earlyOffset = (m: Readonly<Record<string, unknown>>) => {
    if (regime(m) !== "early") return null;
    const w = config(m, "early_tenure_weeks");
    return typeof w === "number" ? 7 * w : null;
  };
  const calendar = (m: Readonly<Record<string, unknown>>) =>
    regime(m) === "calendar" ? calendarCutoff(m) : null;
  const tables: [string, string][] = [
    ["subscription_events", "event_timestamp"],
    ["health_signals", "period_start"],
    ["invoices", "invoice_date"],
  ];
  const cuts: TimeCut[] = [];
  for (const [table, column] of tables) {
    cuts.push({
      table,
      column,
      cutoffDay: (m) => calendar(m) ?? (regime(m) === "early" ? Number.POSITIVE_INFINITY : null),
    });
    cuts.push({
      table,
      column,
      via: "customer_id",
      anchorTable: "customers",
      anchorColumn: "customer_start_at",
      offsetDays: (m) =>
        earlyOffset(m) ?? (regime(m) === "calendar" ? Number.POSITIVE_INFINITY : null),
    });
  }
  return [
    createTimeCutProvider({ cuts }),
    createSplitProbeProvider({
      idOnlyMaxAuc: options.idOnlyMaxAuc ?? 0.6,
      labelDriftMax: options.labelDriftMax ?? 0.1,
      trapMaxAuc: options.trapMaxAuc ?? 0.95,
    }),
    createJoinProbeProvider({ maxLift: 0.04, ...options.joinProbe }),
  ];
}
