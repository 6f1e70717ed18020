import type { ColumnSpec } from "@leadforge/core";
import { EMPLOYEE_BANDS, REVENUE_BANDS } from "./tables.js";

const f = (
  name: string,
  type: ColumnSpec["type"],
  category: string,
  description: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({ name, type, category, description, role: "feature", ...extra });

const L12W = "(cutoff − 84 days, cutoff]";

/** Health aggregates: the only columns difficulty distortions touch (measurement noise). */
export const HEALTH_COLUMNS = [
  "avg_active_users_l12w",
  "active_user_trend_l12w",
  "avg_feature_depth_l12w",
  "feature_depth_trend_l12w",
  "support_ticket_count_l12w",
  "last_nps_score",
] as const;

/** Target columns in catalog order. */
export const TARGET_COLUMNS = [
  "ltv_revenue_90d",
  "ltv_revenue_365d",
  "ltv_revenue_730d",
  "churned_within_180d",
] as const;

/** The leakage trap: end-of-simulation MRR change, kept on purpose as a lesson. */
export const TRAP_COLUMN = "mrr_change_full_period";

/**
 * The customer snapshot catalog, in output column order: identifiers, features rebuilt from
 * the ledger up to each row's cutoff, the trap, then the four targets. Each task file holds
 * every non-target column plus its own target only.
 */
export const SNAPSHOT_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "customer_id",
    type: "string",
    role: "identifier",
    category: "customer_meta",
    description: "Customer (row key; join key to the relational tables).",
  },
  {
    name: "account_id",
    type: "string",
    role: "identifier",
    category: "customer_meta",
    description: "Owning account (split group: no account spans two splits).",
  },
  f("industry", "string", "account", "Account industry."),
  f("region", "string", "account", "Account region."),
  f("employee_band", "string", "account", "Account headcount band.", {
    categories: EMPLOYEE_BANDS,
  }),
  f("estimated_revenue_band", "string", "account", "Account revenue band.", {
    categories: REVENUE_BANDS,
  }),
  f("tenure_weeks", "int32", "subscription", "Whole weeks from start to the cutoff.", {
    unit: "weeks",
    bounds: { min: 0 },
  }),
  f("initial_plan", "string", "subscription", "Plan at signing."),
  f("initial_mrr", "float64", "subscription", "MRR at signing.", { unit: "USD" }),
  f(
    "current_mrr",
    "float64",
    "subscription",
    "MRR at the cutoff: initial MRR plus expansions dated on or before the cutoff.",
    { unit: "USD", window: "start .. cutoff" },
  ),
  f("mrr_change_at_snapshot", "float64", "subscription", "current_mrr − initial_mrr.", {
    unit: "USD",
    window: "start .. cutoff",
  }),
  f("renewal_count", "int32", "subscription", "Renewals on or before the cutoff.", {
    window: "start .. cutoff",
  }),
  f("expansion_count", "int32", "subscription", "Expansions on or before the cutoff.", {
    window: "start .. cutoff",
  }),
  f("contract_term_months", "int32", "subscription", "Contract term.", { unit: "months" }),
  f(
    "weeks_to_next_renewal",
    "int32",
    "subscription",
    "Weeks from the cutoff to the next contract anniversary (≥ 1).",
    { unit: "weeks" },
  ),
  f(
    "avg_active_users_l12w",
    "float64",
    "health",
    "Mean weekly active users over the last 12 weeks.",
    {
      nullable: true,
      window: L12W,
      bounds: { min: 0 },
    },
  ),
  f(
    "active_user_trend_l12w",
    "float64",
    "health",
    "OLS slope of weekly active users per week over the last 12 weeks; null with < 2 weeks.",
    { nullable: true, window: L12W, unit: "users/week" },
  ),
  f(
    "avg_feature_depth_l12w",
    "float64",
    "health",
    "Mean feature-depth score (0-1) over the last 12 weeks.",
    { nullable: true, window: L12W, bounds: { min: 0, max: 1 } },
  ),
  f(
    "feature_depth_trend_l12w",
    "float64",
    "health",
    "OLS slope of the feature-depth score per week over the last 12 weeks; null with < 2 weeks.",
    { nullable: true, window: L12W, unit: "score/week" },
  ),
  f("support_ticket_count_l12w", "int32", "health", "Support tickets over the last 12 weeks.", {
    nullable: true,
    window: L12W,
    bounds: { min: 0 },
  }),
  f(
    "last_nps_score",
    "int32",
    "health",
    "Most recent NPS answer on or before the cutoff (whole history); null if never surveyed.",
    { nullable: true, window: "start .. cutoff", bounds: { min: 0, max: 10 } },
  ),
  f("payment_failure_count", "int32", "financial", "Failed invoices on or before the cutoff.", {
    window: "start .. cutoff",
  }),
  f(
    "weeks_since_last_payment_failure",
    "int32",
    "financial",
    "Whole weeks since the last failed invoice; null if none.",
    { nullable: true, unit: "weeks", window: "start .. cutoff" },
  ),
  f(
    "unpaid_invoices_at_snapshot",
    "int32",
    "financial",
    "Invoices unpaid and still in dunning at the cutoff (0 when the account is in good standing).",
    { window: "as of cutoff", bounds: { min: 0 } },
  ),
  f(
    "days_since_last_invoice",
    "int32",
    "financial",
    "Days from the last invoice on or before the cutoff to the cutoff (position in the billing cycle).",
    { unit: "days", window: "start .. cutoff", bounds: { min: 0 } },
  ),
  {
    name: TRAP_COLUMN,
    type: "float64",
    role: "trap",
    category: "subscription",
    leakageRisk: true,
    unit: "USD",
    description:
      "LEAKAGE TRAP: end-of-simulation MRR − initial MRR. Includes expansions after the cutoff that generate the target revenue; use mrr_change_at_snapshot instead.",
    window: "start .. end of simulation",
  },
  {
    name: "ltv_revenue_90d",
    type: "float64",
    role: "label",
    category: "target",
    unit: "USD",
    description:
      "Revenue from invoices dated in (cutoff, cutoff + 90 days] whose final status is paid or recovered.",
    window: "(cutoff, cutoff + 90d]",
  },
  {
    name: "ltv_revenue_365d",
    type: "float64",
    role: "label",
    category: "target",
    unit: "USD",
    description: "Same as ltv_revenue_90d over 365 days.",
    window: "(cutoff, cutoff + 365d]",
  },
  {
    name: "ltv_revenue_730d",
    type: "float64",
    role: "label",
    category: "target",
    unit: "USD",
    description: "Same as ltv_revenue_90d over 730 days.",
    window: "(cutoff, cutoff + 730d]",
  },
  {
    name: "churned_within_180d",
    type: "bool",
    role: "label",
    category: "target",
    description: "The customer churns (any reason) in (cutoff, cutoff + 180 days].",
    window: "(cutoff, cutoff + 180d]",
  },
];

/**
 * Columns that are constant by construction in the early regime for a given anchor, and are
 * therefore left out of its task files (never shipped as zero-variance features).
 */
export function earlyDegenerateColumns(earlyTenureWeeks: number): string[] {
  // Every row has the same tenure, so its billing-cycle position is the same too.
  const out = ["tenure_weeks", "days_since_last_invoice"];
  if (earlyTenureWeeks < 52) out.push("renewal_count");
  if (earlyTenureWeeks < 13) out.push("last_nps_score");
  // Only the week-0 invoice precedes an anchor before week 5: the gap would be constant.
  if (earlyTenureWeeks < 5) out.push("weeks_since_last_payment_failure");
  return out;
}
